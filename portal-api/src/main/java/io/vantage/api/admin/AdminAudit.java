package io.vantage.api.admin;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import io.vantage.api.error.ConflictException;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.audit.AuditLog;

/**
 * Audit records of admin changes. A refused change is recorded as a failure in its own transaction, so it stays
 * in the log although the request's transaction rolls back.
 */
@Component
@NamedInterface("console")
public class AdminAudit {

    private final AuditLog log;

    AdminAudit(AuditLog log) {
        this.log = log;
    }

    public void success(CurrentUser actor, String action, String targetType, Object targetId, String details) {
        log.success(actor.id(), action, targetType, String.valueOf(targetId), details);
    }

    /** Records the refusal and hands the exception back to be thrown. */
    public ConflictException refused(CurrentUser actor, String action, String targetType, Object targetId,
                                     ConflictException refusal) {
        log.failure(actor.id(), action, targetType, String.valueOf(targetId), refusal.getMessage());
        return refusal;
    }
}
