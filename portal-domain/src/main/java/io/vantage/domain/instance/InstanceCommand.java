package io.vantage.domain.instance;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One piece of cloud work for an instance, persisted so it survives restarts and runs once across replicas.
 * The rows of an instance are its history: who asked for what, and how it ended.
 */
@Entity
@Table(name = "instance_commands")
public class InstanceCommand {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long instanceId;
    @Enumerated(EnumType.STRING)
    private CommandType type;
    @Enumerated(EnumType.STRING)
    private CommandState state;
    private String actorId;
    private String message;
    private int attempts;
    private Instant nextAttemptAt;
    private String lockedBy;
    private Instant lockedUntil;
    private Instant createdAt;
    private Instant startedAt;
    private Instant finishedAt;

    protected InstanceCommand() {
    }

    public InstanceCommand(Long instanceId, CommandType type, String actorId, Instant now) {
        this.instanceId = instanceId;
        this.type = type;
        this.actorId = actorId;
        this.state = CommandState.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    public void claim(String worker, Instant now, Duration lease) {
        if (state.isFinished()) {
            throw new IllegalStateException("Command " + id + " is already " + state);
        }
        state = CommandState.RUNNING;
        lockedBy = worker;
        lockedUntil = now.plus(lease);
        attempts++;
        if (startedAt == null) {
            startedAt = now;
        }
    }

    public void succeed(String outcome, Instant now) {
        finish(CommandState.SUCCEEDED, outcome, now);
    }

    public void fail(String reason, Instant now) {
        finish(CommandState.FAILED, reason, now);
    }

    public void cancel(String reason, Instant now) {
        finish(CommandState.CANCELLED, reason, now);
    }

    /** Gives the command back to the queue after a transient failure. */
    public void retryAt(Instant when, String reason) {
        state = CommandState.PENDING;
        message = reason;
        nextAttemptAt = when;
        lockedBy = null;
        lockedUntil = null;
    }

    private void finish(CommandState finalState, String outcome, Instant now) {
        state = finalState;
        message = outcome;
        finishedAt = now;
        lockedBy = null;
        lockedUntil = null;
    }

    public Long getId() {
        return id;
    }

    public Long getInstanceId() {
        return instanceId;
    }

    public CommandType getType() {
        return type;
    }

    public CommandState getState() {
        return state;
    }

    public String getActorId() {
        return actorId;
    }

    public String getMessage() {
        return message;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLockedBy() {
        return lockedBy;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
