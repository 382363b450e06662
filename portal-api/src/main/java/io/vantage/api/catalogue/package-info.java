/**
 * What a person can choose from when launching: their experiments, the plans open to them, their quota and usage.
 */
@ApplicationModule(displayName = "Catalogue", allowedDependencies = {"launch", "security"})
package io.vantage.api.catalogue;

import org.springframework.modulith.ApplicationModule;
