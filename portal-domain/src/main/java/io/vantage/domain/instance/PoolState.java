package io.vantage.domain.instance;

import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An instance's part in a pre-warmed pool: waiting for a launch ({@code pooled}), then, between the launch that took
 * it and the machine confirming the hand-over, the pool secret and nonce the machine needs to derive its owner's
 * secret. Immutable; the instance replaces it.
 */
@Embeddable
public class PoolState {

    static final PoolState NONE = new PoolState(false, null, null, null);

    @Column(name = "pooled")
    private boolean pooled;
    @Column(name = "pool_secret")
    private String poolSecret;
    @Column(name = "pool_nonce")
    private String poolNonce;
    @Column(name = "handed_over_at")
    private Instant handedOverAt;

    protected PoolState() {
    }

    private PoolState(boolean pooled, String poolSecret, String poolNonce, Instant handedOverAt) {
        this.pooled = pooled;
        this.poolSecret = poolSecret;
        this.poolNonce = poolNonce;
        this.handedOverAt = handedOverAt;
    }

    static PoolState waiting() {
        return new PoolState(true, null, null, null);
    }

    PoolState takenWith(String secret, String nonce, Instant at) {
        return new PoolState(false, Objects.requireNonNull(secret), Objects.requireNonNull(nonce), at);
    }

    PoolState done() {
        return new PoolState(false, null, null, handedOverAt);
    }

    /** A machine of a pre-warmed pool that no launch has taken yet: hidden from everyone. */
    public boolean isWaiting() {
        return pooled;
    }

    /** The secret the machine was made with, while its hand-over is under way; null otherwise. */
    public String getPoolSecret() {
        return poolSecret;
    }

    public String getPoolNonce() {
        return poolNonce;
    }

    /** When a launch took this machine from a pool; null for instances built for their owner. */
    public Instant getHandedOverAt() {
        return handedOverAt;
    }
}
