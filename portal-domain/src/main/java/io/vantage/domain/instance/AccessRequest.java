package io.vantage.domain.instance;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Support staff asking an owner to let them in. */
@Entity
@Table(name = "instance_access_requests")
public class AccessRequest {

    public enum State { PENDING, GRANTED, REFUSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long instanceId;
    private String requesterId;
    private String reason;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private State state;
    private String handledBy;
    private Instant handledAt;
    private Instant createdAt;

    protected AccessRequest() {
    }

    public AccessRequest(Long instanceId, String requesterId, String reason, Instant now) {
        this.instanceId = instanceId;
        this.requesterId = requesterId;
        this.reason = reason;
        this.state = State.PENDING;
        this.createdAt = now;
    }

    public void grant(String by, Instant now) {
        handle(State.GRANTED, by, now);
    }

    public void refuse(String by, Instant now) {
        handle(State.REFUSED, by, now);
    }

    private void handle(State outcome, String by, Instant now) {
        if (state != State.PENDING) {
            throw new IllegalStateException("This access request was already " + state.name().toLowerCase());
        }
        state = outcome;
        handledBy = by;
        handledAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getInstanceId() {
        return instanceId;
    }

    public String getRequesterId() {
        return requesterId;
    }

    public String getReason() {
        return reason;
    }

    public State getState() {
        return state;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
