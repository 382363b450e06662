package io.vantage.domain.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Who did what to which object, and how it ended. Never updated once written. */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

    private static final int MAX_DETAILS = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Instant occurredAt;
    private String actorId;
    private String action;
    private String targetType;
    private String targetId;
    @Enumerated(EnumType.STRING)
    private AuditOutcome outcome;
    private String details;

    protected AuditEvent() {
    }

    public AuditEvent(Instant occurredAt, String actorId, String action, String targetType, String targetId,
                      AuditOutcome outcome, String details) {
        this.occurredAt = occurredAt;
        this.actorId = actorId;
        this.action = action;
        this.targetType = targetType;
        this.targetId = targetId;
        this.outcome = outcome;
        this.details = details == null || details.length() <= MAX_DETAILS ? details : details.substring(0, MAX_DETAILS);
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActorId() {
        return actorId;
    }

    public String getAction() {
        return action;
    }

    public String getTargetType() {
        return targetType;
    }

    public String getTargetId() {
        return targetId;
    }

    public AuditOutcome getOutcome() {
        return outcome;
    }

    public String getDetails() {
        return details;
    }
}
