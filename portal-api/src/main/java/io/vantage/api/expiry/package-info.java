/**
 * An instance's lifetime: the end of life (moved by extensions, an admin or a cloud's own time limit), its last use
 * (Lifetimes.recordActivity, from the tunnels), the planned deletion, warnings, requests for more time, and the
 * deletion with its reason. Other modules call Lifetimes or Extensions (the "lifetimes" named interface), or publish
 * events.
 */
@ApplicationModule(displayName = "Expiry", allowedDependencies = {
        "error", "events", "instance", "launch", "mail", "security", "support"})
package io.vantage.api.expiry;

import org.springframework.modulith.ApplicationModule;
