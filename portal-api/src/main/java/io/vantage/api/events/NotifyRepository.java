package io.vantage.api.events;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * PostgreSQL NOTIFY, the replicas' only broker. Inside a transaction the notification is delivered only if the
 * transaction commits.
 */
@Repository
class NotifyRepository {

    private final JdbcTemplate jdbc;

    NotifyRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void publish(String channel, String payload) {
        jdbc.queryForList("select pg_notify(?, ?)", channel, payload);
    }
}
