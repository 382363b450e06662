/**
 * An instance's lifetime, and its only writer: the end of life (started from the launch's InstanceLaunched, moved by
 * extensions, an admin or a cloud's own time limit), its last use (Lifetimes.recordActivity, from the tunnels,
 * through InstanceActivityRepository), the planned deletion, warnings, requests for more time, and the deletion with
 * its reason. Other modules call Lifetimes or Extensions (the "lifetimes" named interface), or publish events;
 * LifetimeWriterTest checks that nothing else writes these. Admins move an instance's end of life
 * (InstanceLifetimeAdmin, POST /api/admin/instances/{uid}/extend) and answer requests for more time
 * (ExtensionRequestAdmin, /api/admin/extension-requests).
 */
@ApplicationModule(displayName = "Expiry", allowedDependencies = {
        "audit", "error", "events", "instance", "launch", "mail", "security", "support"})
package io.vantage.api.expiry;

import org.springframework.modulith.ApplicationModule;
