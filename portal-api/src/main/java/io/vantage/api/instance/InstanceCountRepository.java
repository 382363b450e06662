package io.vantage.api.instance;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Instances counted in the database, for metrics. */
@Repository
class InstanceCountRepository {

    record Count(String state, String provider, long instances) {
    }

    private final JdbcTemplate jdbc;

    InstanceCountRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** People's instances (not pooled machines, not deleted ones) by state and cloud provider. */
    List<Count> byStateAndProvider() {
        return jdbc.query("""
                select i.state, p.name, count(*) from instances i join cloud_providers p on p.id = i.provider_id
                where i.state <> 'DELETED' and not i.pooled group by i.state, p.name""",
                (rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }
}
