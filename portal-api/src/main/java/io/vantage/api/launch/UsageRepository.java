package io.vantage.api.launch;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What a person's instances use, counted in the database. */
@Repository
public class UsageRepository {

    private final JdbcTemplate jdbc;

    UsageRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** When the next of this person's instances is due to be deleted (lifetime or inactivity), if any is. */
    public java.util.Optional<java.time.Instant> nextPlannedDeletion(String userId) {
        return java.util.Optional.ofNullable(jdbc.queryForObject("""
                select min(e.expires_at) from instance_expirations e
                join instances i on i.id = e.instance_id and i.state <> 'DELETED'
                join instance_members m on m.instance_id = i.id and m.role = 'OWNER' and m.user_id = ?""",
                java.sql.Timestamp.class, userId)).map(java.sql.Timestamp::toInstant);
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
