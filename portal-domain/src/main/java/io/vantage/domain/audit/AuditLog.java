package io.vantage.domain.audit;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records audit events. A denied or failed action is recorded even when the caller's transaction rolls back. */
@Service
public class AuditLog {

    private final AuditEventRepository events;
    private final Clock clock;

    public AuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void success(String actorId, String action, String targetType, String targetId, String details) {
        events.save(new AuditEvent(clock.instant(), actorId, action, targetType, targetId, AuditOutcome.SUCCESS, details));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failure(String actorId, String action, String targetType, String targetId, String details) {
        events.save(new AuditEvent(clock.instant(), actorId, action, targetType, targetId, AuditOutcome.FAILURE, details));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void denied(String actorId, String action, String targetType, String targetId, String details) {
        events.save(new AuditEvent(clock.instant(), actorId, action, targetType, targetId, AuditOutcome.DENIED, details));
    }
}
