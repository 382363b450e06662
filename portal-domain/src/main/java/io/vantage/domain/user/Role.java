package io.vantage.domain.user;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "roles")
public class Role {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private String description;
    @Enumerated(EnumType.STRING)
    private RoleKind kind;
    private Instant createdAt;

    protected Role() {
    }

    public static Role group(String name, String description) {
        if (SystemRole.isSystemRole(name)) {
            throw new IllegalArgumentException("'" + name + "' is a built-in role, not a group name");
        }
        Role role = new Role();
        role.name = name;
        role.description = description;
        role.kind = RoleKind.GROUP;
        role.createdAt = Instant.now();
        return role;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public RoleKind getKind() {
        return kind;
    }

    public boolean is(SystemRole role) {
        return role.name().equals(name);
    }
}
