package io.vantage.api.launch;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What a person's instances use, counted in the database. */

@Repository
public class UsageService {

    private final JdbcTemplate jdbc;

    UsageService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Usage ofOwner(String userId) {
        return jdbc.queryForObject("""
                select count(*), coalesce(sum(f.cpu), 0), coalesce(sum(f.memory_mib), 0), coalesce(sum(f.gpu), 0)
                from instances i
                join instance_members m on m.instance_id = i.id and m.role = 'OWNER' and m.user_id = ?
                join plans p on p.id = i.plan_id
                join flavours f on f.id = p.flavour_id
                where i.state <> 'DELETED'
                """, (rs, n) -> new Usage(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)), userId);
    }
}
