package io.vantage.domain.instance;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One person's browser connected to a session. */
@Entity
@Table(name = "instance_session_members")
public class SessionMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long sessionId;
    private String userId;
    private String clientId;
    @Enumerated(EnumType.STRING)
    private MemberRole role;
    private boolean active;
    private Instant createdAt;
    private Instant lastInteractionAt;
    private Instant closedAt;

    protected SessionMember() {
    }

    public SessionMember(Long sessionId, String userId, String clientId, MemberRole role, Instant now) {
        this.sessionId = sessionId;
        this.userId = userId;
        this.clientId = clientId;
        this.role = role;
        this.active = true;
        this.createdAt = now;
    }

    public void recordInteraction(Instant at) {
        if (lastInteractionAt == null || at.isAfter(lastInteractionAt)) {
            lastInteractionAt = at;
        }
    }

    /** The role the connection acts with now, after the person's access changed while connected. */
    public void actAs(MemberRole now) {
        role = now;
    }

    public void close(Instant now) {
        active = false;
        closedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getSessionId() {
        return sessionId;
    }

    public String getUserId() {
        return userId;
    }

    public String getClientId() {
        return clientId;
    }

    public MemberRole getRole() {
        return role;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getLastInteractionAt() {
        return lastInteractionAt;
    }
}
