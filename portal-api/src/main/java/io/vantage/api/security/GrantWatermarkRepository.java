package io.vantage.api.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Until when role grants were last checked for expiry, kept in {@code portal_settings} for all replicas. */
@Repository
class GrantWatermarkRepository {

    private final JdbcTemplate jdbc;

    GrantWatermarkRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Instant> find(String key) {
        List<String> last = jdbc.queryForList("select value from portal_settings where key = ?", String.class, key);
        return last.stream().findFirst().map(Instant::parse);
    }

    void save(String key, Instant checkedAt) {
        jdbc.update("""
                insert into portal_settings (key, value, updated_at) values (?, ?, now())
                on conflict (key) do update set value = excluded.value, updated_at = now()""", key,
                checkedAt.toString());
    }
}
