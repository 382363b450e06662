package io.vantage.domain.instance;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A live remote desktop or notebook connection to an instance, shared by its members. */
@Entity
@Table(name = "instance_sessions")
public class InstanceSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long instanceId;
    private String protocol;
    private String connectionId;
    private boolean active;
    private Instant createdAt;
    private Instant closedAt;

    protected InstanceSession() {
    }

    public InstanceSession(Long instanceId, String protocol, String connectionId, Instant now) {
        this.instanceId = instanceId;
        this.protocol = protocol;
        this.connectionId = connectionId;
        this.active = true;
        this.createdAt = now;
    }

    public void close(Instant now) {
        active = false;
        closedAt = now;
    }

    public void attachConnection(String newConnectionId) {
        this.connectionId = newConnectionId;
    }

    public Long getId() {
        return id;
    }

    public Long getInstanceId() {
        return instanceId;
    }

    public String getProtocol() {
        return protocol;
    }

    public String getConnectionId() {
        return connectionId;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
