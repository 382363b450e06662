package io.vantage.domain.user;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A role held by a user, possibly until a date. */
@Entity
@Table(name = "user_roles")
@IdClass(UserRole.Key.class)
public class UserRole {

    @Id
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id")
    private User user;

    @Id
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "role_id")
    private Role role;

    @Enumerated(EnumType.STRING)
    private RoleSource source;
    private String grantedBy;
    private Instant grantedAt;
    private Instant expiresAt;

    protected UserRole() {
    }

    UserRole(User user, Role role, RoleSource source, String grantedBy, Instant grantedAt, Instant expiresAt) {
        this.user = user;
        this.role = role;
        this.source = source;
        this.grantedBy = grantedBy;
        this.grantedAt = grantedAt;
        this.expiresAt = expiresAt;
    }

    public boolean isActive(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }

    public Role getRole() {
        return role;
    }

    public RoleSource getSource() {
        return source;
    }

    public String getGrantedBy() {
        return grantedBy;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    void extend(Instant newExpiry, String by, Instant now) {
        this.expiresAt = newExpiry;
        this.grantedBy = by;
        this.grantedAt = now;
    }

    public static class Key implements Serializable {
        private String user;
        private Long role;

        public Key() {
        }

        public Key(String user, Long role) {
            this.user = user;
            this.role = role;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(user, key.user) && Objects.equals(role, key.role);
        }

        @Override
        public int hashCode() {
            return Objects.hash(user, role);
        }
    }
}
