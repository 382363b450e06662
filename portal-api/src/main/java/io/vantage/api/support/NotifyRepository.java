package io.vantage.api.support;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * PostgreSQL NOTIFY, the replicas' only broker. Inside a transaction the notification is delivered only if the
 * transaction commits. Here, below both its users (live events, and the security module's access changes), so
 * neither depends on the other for it.
 */
@Repository
public class NotifyRepository {

    private final JdbcTemplate jdbc;

    NotifyRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void publish(String channel, String payload) {
        jdbc.queryForList("select pg_notify(?, ?)", channel, payload);
    }
}
