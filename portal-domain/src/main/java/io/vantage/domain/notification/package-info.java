/**
 * System notices and who acknowledged them.
 */
@ApplicationModule(displayName = "Notices", allowedDependencies = {})
package io.vantage.domain.notification;

import org.springframework.modulith.ApplicationModule;
