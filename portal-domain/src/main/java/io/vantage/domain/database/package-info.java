/**
 * The embedded PostgreSQL of the demo and tests (a real server binary), with its generated password.
 */
@ApplicationModule(displayName = "Database", allowedDependencies = {})
package io.vantage.domain.database;

import org.springframework.modulith.ApplicationModule;
