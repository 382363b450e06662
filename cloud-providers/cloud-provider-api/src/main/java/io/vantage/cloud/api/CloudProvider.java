package io.vantage.cloud.api;

/**
 * One configured cloud (an OpenStack project, a Kubernetes namespace, the local machine), reached by name.
 * Capabilities are small interfaces so a provider implements what its cloud has; the portal talks only to these.
 */
public interface CloudProvider extends AutoCloseable {

    /** The name the portal knows this provider by (unique across configuration and database). */
    String name();

    /** The provider type, e.g. {@code openstack}, {@code kubernetes}, {@code local}. */
    String type();

    Compute compute();

    Catalogue catalogue();

    Limits limits();

    /** Security groups, or {@link SecurityGroups#NONE} where the cloud has no such concept. */
    default SecurityGroups securityGroups() {
        return SecurityGroups.NONE;
    }

    Network network();

    /** What this provider can do besides create, observe and delete. */
    default java.util.Set<Capability> capabilities() {
        return java.util.EnumSet.of(Capability.STOP_START, Capability.REBOOT);
    }

    /**
     * How a running pool machine is handed over to its owner; present exactly when {@link #capabilities()} holds
     * {@link Capability#POOL}.
     */
    default java.util.Optional<HandOver> handOver() {
        return java.util.Optional.empty();
    }

    /**
     * Readies the portal's own host for this provider, once, in the background after the portal starts (e.g. the
     * local provider installs the programs its desktops need). Logs what a person must do; never throws.
     */
    default void prepare() {
    }

    /**
     * The instance user's files, when the provider reaches them itself (file transfer from the instance page);
     * empty where the portal uses the image's own services (Jupyter) or offers no transfer.
     */
    default java.util.Optional<InstanceFiles> files() {
        return java.util.Optional.empty();
    }

    /** Present when the cloud ends machines at a time limit the portal must keep in step ({@link Capability#TIME_LIMIT}). */
    default java.util.Optional<TimeLimits> timeLimits() {
        return java.util.Optional.empty();
    }

    /**
     * What an operator must know about how this provider is set up, each in one sentence: settings that weaken the
     * isolation between people (e.g. every instance runs under one shared account, so one person's code can read
     * another's files and secrets). The portal logs them as warnings when it builds the provider and shows them in
     * the admin console. Must not call the cloud; empty when there is nothing to say.
     */
    default java.util.List<String> warnings() {
        return java.util.List.of();
    }

    /**
     * Asks to be told the moment a machine's state may have changed (its compute id is passed), where the provider
     * learns it without asking the cloud (an event stream, a watch, processes it started itself), so the portal looks
     * at that machine at once instead of at its next poll (time to desktop). Providers without such a source ignore
     * it, and the portal polls every provider anyway. Called once after the provider is built; the listener returns
     * quickly and never throws.
     */
    default void watchStates(java.util.function.Consumer<String> listener) {
    }

    /** A cheap call that proves the provider answers; never throws. */
    ProviderHealth checkHealth();

    @Override
    default void close() {
    }
}
