/**
 * System notices a signed-in person sees until they acknowledge them (the admin side is in admin).
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = {"error", "security"})
package io.vantage.api.notification;

import org.springframework.modulith.ApplicationModule;
