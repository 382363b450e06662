/**
 * Members and their roles, invitation links, support staff's requests for access. Each change is an AccessChange
 * (open connections follow it) and a live event (pages follow it).
 */
@ApplicationModule(displayName = "Sharing", allowedDependencies = {"error", "events", "security", "support"})
package io.vantage.api.sharing;

import org.springframework.modulith.ApplicationModule;
