package io.vantage.api.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.domain.user.RoleRepository;

/**
 * Requests see a role grant end at its expiry by themselves; open connections (desktops, notebooks, event
 * streams) need telling. One replica at a time looks for grants that ran out since the last look (remembered in
 * the database, so replicas taking turns miss none) and publishes an access change for each person.
 */
@Component
class GrantExpiryJob {

    static final String WATERMARK = "grant-expiry-checked-at";

    private final RoleRepository roles;
    private final RoleChanges changes;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    GrantExpiryJob(RoleRepository roles, RoleChanges changes, JdbcTemplate jdbc, Clock clock) {
        this.roles = roles;
        this.changes = changes;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${vantage.auth.grant-expiry-check:1s}", initialDelayString = "${vantage.auth.grant-expiry-check:1s}")
    @SchedulerLock(name = "role-grant-expiry", lockAtMostFor = "PT1M")
    @Transactional
    public void run() {
        Instant now = clock.instant();
        List<String> last = jdbc.queryForList("select value from portal_settings where key = ?", String.class, WATERMARK);
        if (!last.isEmpty()) {
            Instant after = Instant.parse(last.get(0));
            if (now.isAfter(after)) {
                roles.findUsersWithGrantsExpiredBetween(after, now)
                        .forEach(userId -> changes.changed(userId, "A role of yours ran out."));
            }
        }
        jdbc.update("""
                insert into portal_settings (key, value, updated_at) values (?, ?, now())
                on conflict (key) do update set value = excluded.value, updated_at = now()""", WATERMARK, now.toString());
    }
}
