/**
 * The user-office import's runs as the admin pages show them (EtlRuns: runs and their problems, read-only). The
 * import itself is the etl Maven module.
 */
@ApplicationModule(displayName = "Import runs", allowedDependencies = {"error"})
package io.vantage.api.etl;

import org.springframework.modulith.ApplicationModule;
