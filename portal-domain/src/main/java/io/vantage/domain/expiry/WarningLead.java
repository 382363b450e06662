package io.vantage.domain.expiry;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.vantage.domain.instance.ExpirationReason;

/**
 * How long before a planned deletion people are warned, set by an admin for one role or one image (exactly one of
 * the two). Either lead may be left unset, so the next rule applies to it.
 */
@Entity
@Table(name = "warning_leads")
public class WarningLead {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long roleId;
    private Long imageId;
    private Integer lifetimeWarningMinutes;
    private Integer inactivityWarningMinutes;
    private Instant updatedAt;

    protected WarningLead() {
    }

    private WarningLead(Long roleId, Long imageId) {
        this.roleId = roleId;
        this.imageId = imageId;
    }

    public static WarningLead forRole(Long roleId) {
        return new WarningLead(roleId, null);
    }

    public static WarningLead forImage(Long imageId) {
        return new WarningLead(null, imageId);
    }

    /** Null leaves a lead unset. Whole minutes: the sweep looks once a minute anyway. */
    public void set(Duration lifetimeWarning, Duration inactivityWarning, Instant now) {
        this.lifetimeWarningMinutes = minutes(lifetimeWarning);
        this.inactivityWarningMinutes = minutes(inactivityWarning);
        this.updatedAt = now;
    }

    public Optional<Duration> lead(ExpirationReason reason) {
        return reason == ExpirationReason.LIFETIME ? getLifetimeWarning() : getInactivityWarning();
    }

    public Optional<Duration> getLifetimeWarning() {
        return Optional.ofNullable(lifetimeWarningMinutes).map(Duration::ofMinutes);
    }

    public Optional<Duration> getInactivityWarning() {
        return Optional.ofNullable(inactivityWarningMinutes).map(Duration::ofMinutes);
    }

    public Long getId() {
        return id;
    }

    public Long getRoleId() {
        return roleId;
    }

    public Long getImageId() {
        return imageId;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    private static Integer minutes(Duration lead) {
        if (lead == null) {
            return null;
        }
        if (lead.isNegative() || lead.isZero()) {
            throw new IllegalArgumentException("A warning lead must be positive");
        }
        return Math.toIntExact(lead.toMinutes());
    }
}
