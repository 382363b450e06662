package io.vantage.domain.instance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.vantage.domain.user.User;

@Entity
@Table(name = "instance_members")
public class InstanceMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "instance_id")
    private Instance instance;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @Enumerated(EnumType.STRING)
    private MemberRole role;
    private Instant createdAt;

    protected InstanceMember() {
    }

    InstanceMember(Instance instance, User user, MemberRole role, Instant createdAt) {
        this.instance = instance;
        this.user = user;
        this.role = role;
        this.createdAt = createdAt;
    }

    /** Adds {@code user} to {@code members} of {@code instance}, or changes their role; never the owner. */
    static InstanceMember share(Instance instance, List<InstanceMember> members, User user, MemberRole role,
                                Instant now) {
        if (role == MemberRole.OWNER) {
            throw new IllegalArgumentException("An instance has exactly one owner; share with USER, GUEST or SUPPORT");
        }
        Optional<InstanceMember> existing = members.stream().filter(m -> m.getUserId().equals(user.getId())).findFirst();
        if (existing.isPresent()) {
            if (existing.get().getRole() == MemberRole.OWNER) {
                throw new IllegalArgumentException(user.getFullName() + " owns this instance already");
            }
            existing.get().changeRole(role);
            return existing.get();
        }
        InstanceMember member = new InstanceMember(instance, user, role, now);
        members.add(member);
        return member;
    }

    static void unshare(List<InstanceMember> members, String userId) {
        InstanceMember member = members.stream().filter(m -> m.getUserId().equals(userId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("User " + userId + " is not a member of this instance"));
        if (member.getRole() == MemberRole.OWNER) {
            throw new IllegalArgumentException("The owner cannot be removed from an instance");
        }
        members.remove(member);
    }

    void changeRole(MemberRole newRole) {
        this.role = newRole;
    }

    public Long getId() {
        return id;
    }

    public User getUser() {
        return user;
    }

    public String getUserId() {
        return user.getId();
    }

    public MemberRole getRole() {
        return role;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
