/**
 * Warning leads per role and per image: how long before a deletion people are warned.
 */
@ApplicationModule(displayName = "Expiry settings", allowedDependencies = {"instance"})
package io.vantage.domain.expiry;

import org.springframework.modulith.ApplicationModule;
