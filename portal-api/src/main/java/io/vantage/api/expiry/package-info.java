/**
 * An instance's lifetime, and its only writer: the end of life (started from the launch's InstanceLaunched, moved by
 * extensions, an admin or a cloud's own time limit), its last use (Lifetimes.recordActivity, from the tunnels,
 * through InstanceActivityRepository), the planned deletion, warnings, requests for more time, and the deletion with
 * its reason. Other modules call Lifetimes or Extensions (the "lifetimes" named interface), or publish events;
 * LifetimeWriterTest checks that nothing else writes these.
 */
@ApplicationModule(displayName = "Expiry", allowedDependencies = {
        "error", "events", "instance", "launch", "mail", "security", "support"})
package io.vantage.api.expiry;

import org.springframework.modulith.ApplicationModule;
