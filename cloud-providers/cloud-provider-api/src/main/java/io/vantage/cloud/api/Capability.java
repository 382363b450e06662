package io.vantage.cloud.api;

/** Actions a provider may or may not support; pages and the API offer only what the instance's provider has. */
public enum Capability {
    /** Stop a machine and start it again later, keeping its disk. */
    STOP_START,
    /** Reboot a running machine. */
    REBOOT,
    /** The cloud itself ends the machine at a time limit (a batch job's), which an extension must move. */
    TIME_LIMIT,
    /**
     * Hand a running machine made for a pre-warmed pool over to its owner ({@link CloudProvider#handOver()}):
     * new secret, owner, name, experiments, screen and keyboard applied without a new boot. Providers without it
     * have no pools.
     */
    POOL
}
