/**
 * Beans every part of the portal shares (the clock, which tests replace to move time).
 */
@ApplicationModule(displayName = "Support", allowedDependencies = {})
package io.vantage.domain.support;

import org.springframework.modulith.ApplicationModule;
