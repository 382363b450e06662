package io.vantage.domain.instance;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The next planned deletion of an instance and whether its owner was warned. */
@Entity
@Table(name = "instance_expirations")
public class InstanceExpiration {

    @Id
    private Long instanceId;
    @Enumerated(EnumType.STRING)
    private ExpirationReason reason;
    private Instant expiresAt;
    private Instant warningSentAt;

    protected InstanceExpiration() {
    }

    public InstanceExpiration(Long instanceId, ExpirationReason reason, Instant expiresAt) {
        this.instanceId = instanceId;
        this.reason = reason;
        this.expiresAt = expiresAt;
    }

    /** Moves the expiry; a later date or another reason means a new warning will be due. */
    public void reschedule(ExpirationReason newReason, Instant newExpiresAt) {
        if (newReason != reason || newExpiresAt.isAfter(expiresAt)) {
            warningSentAt = null;
        }
        this.reason = newReason;
        this.expiresAt = newExpiresAt;
    }

    public void warned(Instant now) {
        this.warningSentAt = now;
    }

    public boolean isWarned() {
        return warningSentAt != null;
    }

    public Long getInstanceId() {
        return instanceId;
    }

    public ExpirationReason getReason() {
        return reason;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getWarningSentAt() {
        return warningSentAt;
    }
}
