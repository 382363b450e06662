/**
 * Who the caller is, as the API says it (/api/me).
 */
@ApplicationModule(displayName = "Me", allowedDependencies = {"error", "security"})
package io.vantage.api.user;

import org.springframework.modulith.ApplicationModule;
