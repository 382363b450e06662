/**
 * A person's instances as the API shows them (InstanceQueries, InstanceViews) and the actions on them
 * (InstanceActions: start, stop, reboot, delete), checked by AccessPolicy and queued as commands; admins see and
 * act on everyone's (InstanceAdmin, /api/admin/instances; their end of life is the expiry module's).
 */
@ApplicationModule(displayName = "Instances", allowedDependencies = {
        "audit", "cloud", "command", "error", "launch", "security", "support"})
package io.vantage.api.instance;

import org.springframework.modulith.ApplicationModule;
