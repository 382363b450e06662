package io.vantage.api.cloud;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The deployment id kept in {@code portal_settings} when none is configured. */
@Repository
class DeploymentIdRepository {

    private final JdbcTemplate jdbc;

    DeploymentIdRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored id; {@code candidate} is stored first unless a replica or an earlier start stored one already. */
    String storeOnce(String candidate) {
        jdbc.update("insert into portal_settings (key, value) values ('deployment-id', ?) on conflict (key) do nothing",
                candidate);
        return jdbc.queryForObject("select value from portal_settings where key = 'deployment-id'", String.class);
    }
}
