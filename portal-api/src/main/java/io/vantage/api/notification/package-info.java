/**
 * System notices a signed-in person sees until they acknowledge them, and their administration (NotificationAdmin,
 * /api/admin/notifications), audited through the audit module.
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = {"audit", "error", "security"})
package io.vantage.api.notification;

import org.springframework.modulith.ApplicationModule;
