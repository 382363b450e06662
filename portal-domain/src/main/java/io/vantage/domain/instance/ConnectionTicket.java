package io.vantage.domain.instance;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A single-use, short-lived permission to open one tunnel. Only the token's hash is stored, so the database never
 * holds a usable ticket; any replica can accept it.
 */
@Entity
@Table(name = "connection_tickets")
public class ConnectionTicket {

    @Id
    private String tokenHash;
    private String userId;
    private Long instanceId;
    private String protocol;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant usedAt;
    /** The browser session that asked for the ticket; null for an API token. */
    private String portalSessionId;

    protected ConnectionTicket() {
    }

    public ConnectionTicket(String tokenHash, String userId, Long instanceId, String protocol, Instant now,
                            Instant expiresAt) {
        this(tokenHash, userId, instanceId, protocol, now, expiresAt, null);
    }

    public ConnectionTicket(String tokenHash, String userId, Long instanceId, String protocol, Instant now,
                            Instant expiresAt, String portalSessionId) {
        this.portalSessionId = portalSessionId;
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.instanceId = instanceId;
        this.protocol = protocol;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public String getUserId() {
        return userId;
    }

    public Long getInstanceId() {
        return instanceId;
    }

    public String getProtocol() {
        return protocol;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public String getPortalSessionId() {
        return portalSessionId;
    }

    public Instant getUsedAt() {
        return usedAt;
    }
}
