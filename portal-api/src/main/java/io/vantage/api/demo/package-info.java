/**
 * The demo facility: seeds an empty embedded database when the embedded login is used, and the sample data its
 * data store points at. Never runs against an external database.
 */
@ApplicationModule(displayName = "Demo", allowedDependencies = {"data", "security"})
package io.vantage.api.demo;

import org.springframework.modulith.ApplicationModule;
