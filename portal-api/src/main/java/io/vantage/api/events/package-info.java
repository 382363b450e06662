/**
 * Live events to browsers (Server-Sent Events at /api/events) through PostgreSQL NOTIFY (EventBus, LiveEvent), so a
 * page on any replica hears of changes made on any other; also the LISTEN side of access changes, handed to the
 * security module's AccessChangeListeners.
 */
@ApplicationModule(displayName = "Live events", allowedDependencies = {"security", "support"})
package io.vantage.api.events;

import org.springframework.modulith.ApplicationModule;
