package io.vantage.cloud.api;

/**
 * Gives a running machine made for a pre-warmed pool to its owner ({@link Capability#POOL}). Until then the machine
 * serves with the pool secret, which only the portal knows, and nobody is given a way in; afterwards it serves with
 * the owner's secret, settings and experiments, and the pool secret opens nothing any more.
 */
public interface HandOver {

    /**
     * Applies the owner's settings and returns when the machine serves with them (its protocol ports answering
     * with the new secret). Safe to call again with the same request after a lost answer; a machine already handed
     * over with another request refuses ({@link CloudPermanentException}).
     *
     * @throws CloudTransientException the machine or cloud did not answer; the same call may succeed later
     * @throws CloudPermanentException the machine cannot be handed over (refused, broken, gone)
     */
    void handOver(CloudInstance machine, HandOverRequest request);
}
