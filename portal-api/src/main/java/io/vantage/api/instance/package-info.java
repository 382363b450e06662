/**
 * A person's instances as the API shows them (InstanceQueries, InstanceViews) and the actions on them
 * (InstanceActions: start, stop, reboot, delete), checked by AccessPolicy and queued as commands.
 */
@ApplicationModule(displayName = "Instances", allowedDependencies = {
        "cloud", "command", "error", "launch", "security"})
package io.vantage.api.instance;

import org.springframework.modulith.ApplicationModule;
