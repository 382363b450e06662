package io.vantage.api.security;

import java.time.Clock;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
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
    private final GrantWatermarkRepository watermarks;
    private final Clock clock;
    /** Where the first look starts on a fresh database: connections opened since this replica started count. */
    private final Instant startedAt;

    GrantExpiryJob(RoleRepository roles, RoleChanges changes, GrantWatermarkRepository watermarks, Clock clock) {
        this.roles = roles;
        this.changes = changes;
        this.watermarks = watermarks;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Scheduled(fixedDelayString = "${vantage.auth.grant-expiry-check:1s}", initialDelayString = "${vantage.auth.grant-expiry-check:1s}")
    @SchedulerLock(name = "role-grant-expiry", lockAtMostFor = "PT1M")
    @Transactional
    public void run() {
        Instant now = clock.instant();
        // without a watermark (a fresh database) the first look used to start at its own time, so a grant that ran
        // out between the start and the first look was never announced to the connections opened meanwhile
        Instant after = watermarks.find(WATERMARK).orElse(startedAt);
        if (now.isAfter(after)) {
            roles.findUsersWithGrantsExpiredBetween(after, now)
                    .forEach(userId -> changes.changed(userId, "A role of yours ran out."));
        }
        watermarks.save(WATERMARK, now);
    }
}
