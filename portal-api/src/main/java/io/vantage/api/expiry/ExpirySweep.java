package io.vantage.api.expiry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.api.instance.InstanceActions;
import io.vantage.domain.instance.ExpirationReason;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceExpiration;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.InstanceState;

/**
 * Looks at every live instance: stores its next planned deletion, warns once before it, deletes at the deadline.
 *
 * <p>A warning is never sent twice: it is recorded ({@code warning_sent_at}) under the expiration's row lock in the
 * same transaction as its live event, and e-mailed only after that commits. Another replica, or this one after a
 * restart, finds it recorded and stays quiet. The price is that a crash between the commit and the e-mail loses
 * that e-mail (the live warning is already out): at most once, by choice.
 */
@Service
public class ExpirySweep {

    private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);

    private final JdbcTemplate jdbc;
    private final InstanceRepository instances;
    private final ExpirySchedule schedule;
    private final ExpiryWarnings warnings;
    private final InstanceActions actions;
    private final TransactionTemplate tx;
    private final Clock clock;

    ExpirySweep(JdbcTemplate jdbc, InstanceRepository instances, ExpirySchedule schedule, ExpiryWarnings warnings,
                InstanceActions actions, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.instances = instances;
        this.schedule = schedule;
        this.warnings = warnings;
        this.actions = actions;
        this.tx = tx;
        this.clock = clock;
    }

    /** What one sweep did. */
    public record Outcome(int reviewed, int warned, int expired, int failed) {
    }

    private enum Step { NOTHING, WARNED, EXPIRED }

    public Outcome sweep() {
        List<Long> ids = jdbc.queryForList(
                "select id from instances where state not in ('DELETING', 'DELETED') and not pooled order by id",
                Long.class);
        int warned = 0;
        int expired = 0;
        int failed = 0;
        for (Long id : ids) {
            try {
                Step step = reviewOne(id);
                warned += step == Step.WARNED ? 1 : 0;
                expired += step == Step.EXPIRED ? 1 : 0;
            } catch (ObjectOptimisticLockingFailureException e) {
                log.debug("Instance {} changed while its expiry was reviewed; the next sweep looks again", id);
            } catch (RuntimeException e) { // one broken instance must not stop the others
                failed++;
                log.warn("Could not review the expiry of instance {}: {}", id, e.getMessage());
            }
        }
        if (warned + expired + failed > 0) {
            log.info("Expiry sweep: {} instances, {} warned, {} deleted, {} failed", ids.size(), warned, expired, failed);
        }
        return new Outcome(ids.size(), warned, expired, failed);
    }

    private Step reviewOne(Long id) {
        Warning[] toMail = new Warning[1];
        Step step = tx.execute(status -> {
            schedule.lock(id);
            Optional<Instance> found = instances.findById(id);
            if (found.isEmpty() || found.get().getState() == InstanceState.DELETING
                    || found.get().getState() == InstanceState.DELETED) {
                return Step.NOTHING;
            }
            Instance instance = found.get();
            Instant now = clock.instant();
            InstanceExpiration expiration = schedule.reschedule(instance, now);
            if (!now.isBefore(expiration.getExpiresAt())) {
                actions.expire(instance.getUid(), reasonText(instance, expiration));
                return Step.EXPIRED;
            }
            if (expiration.isWarned()
                    || now.isBefore(expiration.getExpiresAt().minus(schedule.warningLead(expiration.getReason())))) {
                return Step.NOTHING;
            }
            expiration.warned(now);
            toMail[0] = Warning.of(instance, expiration.getReason(), expiration.getExpiresAt());
            warnings.publishLive(instance, toMail[0]);
            return Step.WARNED;
        });
        if (toMail[0] != null) {
            warnings.mail(toMail[0]);
        }
        return step;
    }

    private static String reasonText(Instance instance, InstanceExpiration expiration) {
        if (expiration.getReason() == ExpirationReason.LIFETIME) {
            return "Expired: its lifetime ended on " + expiration.getExpiresAt();
        }
        Instant idleSince = instance.getLastInteractionAt() == null ? instance.getCreatedAt()
                : instance.getLastInteractionAt();
        return "Expired: not used since " + idleSince;
    }
}
