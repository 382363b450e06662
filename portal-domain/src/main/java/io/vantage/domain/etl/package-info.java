/**
 * The user-office import's runs and the problems each found, as the admin console shows them.
 */
@ApplicationModule(displayName = "Import runs", allowedDependencies = {})
package io.vantage.domain.etl;

import org.springframework.modulith.ApplicationModule;
