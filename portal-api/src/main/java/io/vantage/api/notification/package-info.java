/**
 * System notices a signed-in person sees until they acknowledge them, and their administration (NotificationAdmin,
 * /api/admin/notifications), audited through admin::console.
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = {"admin::console", "error", "security"})
package io.vantage.api.notification;

import org.springframework.modulith.ApplicationModule;
