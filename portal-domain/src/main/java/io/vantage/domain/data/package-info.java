/**
 * Data stores and the rules that name an experiment's folders; which folders an instance gets (DataLocations).
 */
@ApplicationModule(displayName = "Data stores", allowedDependencies = {"proposal"})
package io.vantage.domain.data;

import org.springframework.modulith.ApplicationModule;
