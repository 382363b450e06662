/**
 * People, their roles (with expiry), employers and groups; signing in links a login to the person the user office
 * knows.
 */
@ApplicationModule(displayName = "People", allowedDependencies = {})
package io.vantage.domain.user;

import org.springframework.modulith.ApplicationModule;
