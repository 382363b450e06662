package io.vantage.domain.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/** A person, identified by the user office's (or the IdP's) id. */
@Entity
@Table(name = "users")
public class User {

    @Id
    private String id;
    private String firstName;
    private String lastName;
    private String email;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "affiliation_id")
    private Employer affiliation;

    private Integer instanceQuota;
    private Instant activatedAt;
    private Instant lastSeenAt;
    private Instant createdAt;
    private Instant updatedAt;

    @OneToMany(mappedBy = "user", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<UserRole> roles = new ArrayList<>();

    protected User() {
    }

    public User(String id, String firstName, String lastName, String email) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A user needs an id");
        }
        if (lastName == null || lastName.isBlank()) {
            throw new IllegalArgumentException("User " + id + " needs a last name");
        }
        this.id = id;
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /**
     * Called on each login with what the identity provider says; values it does not send are kept. Returns whether
     * anything changed.
     */
    public boolean updateIdentity(String newFirstName, String newLastName, String newEmail, Instant now) {
        boolean changed = false;
        if (hasText(newFirstName) && !newFirstName.equals(firstName)) {
            firstName = newFirstName;
            changed = true;
        }
        if (hasText(newLastName) && !newLastName.equals(lastName)) {
            lastName = newLastName;
            changed = true;
        }
        if (hasText(newEmail) && !newEmail.equals(email)) {
            email = newEmail;
            changed = true;
        }
        if (changed) {
            updatedAt = now;
        }
        return changed;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    public void seen(Instant now) {
        if (activatedAt == null) {
            activatedAt = now;
        }
        lastSeenAt = now;
    }

    /** Grants a role, or moves the expiry of one already held. */
    public void grant(Role role, RoleSource source, String grantedBy, Instant now, Instant expiresAt) {
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new IllegalArgumentException("A role grant must expire in the future, not " + expiresAt);
        }
        Optional<UserRole> existing = roles.stream().filter(r -> r.getRole().getId().equals(role.getId())).findFirst();
        if (existing.isPresent()) {
            existing.get().extend(expiresAt, grantedBy, now);
        } else {
            roles.add(new UserRole(this, role, source, grantedBy, now, expiresAt));
        }
    }

    public boolean revoke(String roleName) {
        return roles.removeIf(r -> r.getRole().getName().equals(roleName));
    }

    /** Names of the roles held now (expired grants left out). */
    public Set<String> activeRoleNames(Instant now) {
        return roles.stream().filter(r -> r.isActive(now)).map(r -> r.getRole().getName()).collect(Collectors.toSet());
    }

    public List<UserRole> getRoles() {
        return List.copyOf(roles);
    }

    public String getId() {
        return id;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getFullName() {
        return firstName == null || firstName.isBlank() ? lastName : firstName + " " + lastName;
    }

    public String getEmail() {
        return email;
    }

    public Employer getAffiliation() {
        return affiliation;
    }

    public void setAffiliation(Employer affiliation) {
        this.affiliation = affiliation;
    }

    public Integer getInstanceQuota() {
        return instanceQuota;
    }

    public void setInstanceQuota(Integer instanceQuota) {
        if (instanceQuota != null && instanceQuota < 0) {
            throw new IllegalArgumentException("instanceQuota must not be negative");
        }
        this.instanceQuota = instanceQuota;
    }

    public Instant getActivatedAt() {
        return activatedAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof User user && id.equals(user.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
