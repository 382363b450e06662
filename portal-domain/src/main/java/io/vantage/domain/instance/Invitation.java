package io.vantage.domain.instance;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A single-use link that makes whoever opens it a member. Only a hash of the token is stored. */
@Entity
@Table(name = "instance_invitations")
public class Invitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long instanceId;
    private String tokenHash;
    @Enumerated(EnumType.STRING)
    private MemberRole role;
    private String createdBy;
    private Instant createdAt;
    private Instant expiresAt;
    private String usedBy;
    private Instant usedAt;

    protected Invitation() {
    }

    public Invitation(Long instanceId, String tokenHash, MemberRole role, String createdBy, Instant now,
                      Instant expiresAt) {
        if (role == MemberRole.OWNER) {
            throw new IllegalArgumentException("An invitation cannot make someone the owner");
        }
        this.instanceId = instanceId;
        this.tokenHash = tokenHash;
        this.role = role;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** Uses the invitation up; refuses if it was used or has expired. */
    public void redeem(String userId, Instant now) {
        if (usedAt != null) {
            throw new IllegalStateException("This invitation link was already used");
        }
        if (!now.isBefore(expiresAt)) {
            throw new IllegalStateException("This invitation link has expired");
        }
        usedBy = userId;
        usedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getInstanceId() {
        return instanceId;
    }

    public MemberRole getRole() {
        return role;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public String getUsedBy() {
        return usedBy;
    }

    public Instant getUsedAt() {
        return usedAt;
    }
}
