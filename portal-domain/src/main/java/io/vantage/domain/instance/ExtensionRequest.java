package io.vantage.domain.instance;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member asking for an instance to live longer; admins decide unless the image's rules accept it at once. */
@Entity
@Table(name = "instance_extension_requests")
public class ExtensionRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long instanceId;
    private String requesterId;
    private String comments;
    private Instant requestedUntil;
    @Enumerated(EnumType.STRING)
    private RequestState state;
    private String handledBy;
    private Instant handledAt;
    private String handlerComments;
    private Instant createdAt;

    protected ExtensionRequest() {
    }

    public ExtensionRequest(Long instanceId, String requesterId, String comments, Instant requestedUntil, Instant now) {
        if (!requestedUntil.isAfter(now)) {
            throw new IllegalArgumentException("An extension must be requested until a date in the future");
        }
        this.instanceId = instanceId;
        this.requesterId = requesterId;
        this.comments = comments;
        this.requestedUntil = requestedUntil;
        this.state = RequestState.PENDING;
        this.createdAt = now;
    }

    public void accept(String by, String comment, Instant now) {
        handle(RequestState.ACCEPTED, by, comment, now);
    }

    public void refuse(String by, String comment, Instant now) {
        handle(RequestState.REFUSED, by, comment, now);
    }

    private void handle(RequestState outcome, String by, String comment, Instant now) {
        if (state != RequestState.PENDING) {
            throw new IllegalStateException("This extension request was already " + state.name().toLowerCase());
        }
        state = outcome;
        handledBy = by;
        handlerComments = comment;
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

    public String getComments() {
        return comments;
    }

    public Instant getRequestedUntil() {
        return requestedUntil;
    }

    public RequestState getState() {
        return state;
    }

    public String getHandledBy() {
        return handledBy;
    }

    public Instant getHandledAt() {
        return handledAt;
    }

    public String getHandlerComments() {
        return handlerComments;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
