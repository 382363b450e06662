/**
 * Launching an instance: the checks (experiment membership, sizes reserved for roles or instruments, quotas, cloud
 * capacity), the lifetime rules per role (LifecycleProperties, UserPolicies) and the launch itself (LaunchService),
 * which answers from the database and queues the cloud work. The first end of life is the expiry module's to write:
 * the launch publishes InstanceLaunched with the lifetime chosen.
 */
@ApplicationModule(displayName = "Launch", allowedDependencies = {
        "cloud", "command", "data", "error", "pool", "recipe", "security", "support"})
package io.vantage.api.launch;

import org.springframework.modulith.ApplicationModule;
