package io.vantage.domain.user;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** Quota and lifetimes for holders of one role, set by admins; overrides the configured defaults. */
@Entity
@Table(name = "role_policies")
public class RolePolicy {

    @Id
    private Long roleId;

    @MapsId
    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "role_id")
    private Role role;

    private int maxInstances;
    private int maxVcpu;
    private int maxMemoryMib;
    private int maxGpu;
    private int lifetimeMinutes;
    private int inactivityMinutes;
    private Instant updatedAt;

    protected RolePolicy() {
    }

    public RolePolicy(Role role, Quota quota, Duration lifetime, Duration inactivity) {
        this.role = role;
        update(quota, lifetime, inactivity);
    }

    public void update(Quota quota, Duration lifetime, Duration inactivity) {
        if (lifetime.isNegative() || lifetime.isZero() || inactivity.isNegative() || inactivity.isZero()) {
            throw new IllegalArgumentException("Lifetime and inactivity must be positive");
        }
        this.maxInstances = quota.instances();
        this.maxVcpu = quota.vcpu();
        this.maxMemoryMib = quota.memoryMib();
        this.maxGpu = quota.gpu();
        this.lifetimeMinutes = Math.toIntExact(lifetime.toMinutes());
        this.inactivityMinutes = Math.toIntExact(inactivity.toMinutes());
        this.updatedAt = Instant.now();
    }

    public Role getRole() {
        return role;
    }

    public Quota quota() {
        return new Quota(maxInstances, maxVcpu, maxMemoryMib, maxGpu);
    }

    public Duration lifetime() {
        return Duration.ofMinutes(lifetimeMinutes);
    }

    public Duration inactivity() {
        return Duration.ofMinutes(inactivityMinutes);
    }
}
