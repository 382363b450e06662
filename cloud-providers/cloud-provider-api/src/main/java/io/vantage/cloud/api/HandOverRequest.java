package io.vantage.cloud.api;

import java.util.Objects;

/**
 * What a pool machine is given at hand-over.
 *
 * @param name       the instance's name as its owner chose it
 * @param metadata   the owner's metadata, as a machine created for them would have had it; its secret is the
 *                   owner's, {@link PoolSecrets#ownerSecret derived} from the pool secret and the nonce
 * @param poolSecret the secret the machine was created with (its metadata's {@code vantage-secret})
 * @param nonce      random, once per hand-over; with the pool secret it makes the owner's secret on the machine,
 *                   so that secret never travels
 */
public record HandOverRequest(String name, InstanceMetadata metadata, String poolSecret, String nonce) {

    public HandOverRequest {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(poolSecret, "poolSecret");
        Objects.requireNonNull(nonce, "nonce");
        if (metadata.pooled()) {
            throw new IllegalArgumentException("A hand-over names the owner");
        }
    }

    @Override
    public String toString() {
        return "HandOverRequest[name=" + name + ", metadata=" + metadata + ", poolSecret=****, nonce=" + nonce + "]";
    }
}
