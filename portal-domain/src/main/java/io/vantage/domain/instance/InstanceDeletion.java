package io.vantage.domain.instance;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Why an instance was deleted, by whom, and whether its people were told (once, whichever replica tells them). */
@Entity
@Table(name = "instance_deletions")
public class InstanceDeletion {

    @Id
    private Long instanceId;
    @Enumerated(EnumType.STRING)
    private DeletionCause cause;
    private String actorId;
    private String detail;
    private Instant requestedAt;
    private Instant mailedAt;

    protected InstanceDeletion() {
    }

    public InstanceDeletion(InstanceDeletionRequested requested) {
        this.instanceId = requested.instanceId();
        record(requested);
    }

    /** A deletion asked for again (the first one failed in the cloud): the latest reason is the one told. */
    public void record(InstanceDeletionRequested requested) {
        this.cause = requested.cause();
        this.actorId = requested.actorId();
        this.detail = requested.detail() == null || requested.detail().length() <= 2000 ? requested.detail()
                : requested.detail().substring(0, 2000);
        this.requestedAt = requested.at();
    }

    public Long getInstanceId() {
        return instanceId;
    }

    public DeletionCause getCause() {
        return cause;
    }

    public String getActorId() {
        return actorId;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    public Instant getMailedAt() {
        return mailedAt;
    }
}
