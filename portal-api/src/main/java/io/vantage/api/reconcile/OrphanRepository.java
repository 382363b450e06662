package io.vantage.api.reconcile;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What the orphan sweep needs from the database. */
@Repository
class OrphanRepository {

    private final JdbcTemplate jdbc;

    OrphanRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Long> enabledProviders() {
        return jdbc.queryForList("select id from cloud_providers where enabled order by id", Long.class);
    }

    /** The instances of this provider with these uids, by uid. */
    Map<String, Orphans.Known> known(Long providerId, List<String> uids) {
        Map<String, Orphans.Known> known = new HashMap<>();
        if (uids.isEmpty()) {
            return known;
        }
        jdbc.query("select uid, state, compute_id from instances where provider_id = ? and uid = any(?)", rs -> {
            known.put(rs.getString(1), new Orphans.Known(rs.getString(1), rs.getString(2), rs.getString(3)));
        }, providerId, uids.toArray(String[]::new));
        return known;
    }

    /** When the newest instance was recorded: machines created after it may be unknown only because of a restore. */
    Optional<java.time.Instant> newestInstanceRecord() {
        return Optional.ofNullable(jdbc.queryForObject("select max(created_at) from instances", Timestamp.class))
                .map(Timestamp::toInstant);
    }
}
