/**
 * Pre-warmed pool plans: how many machines of a plan to keep ready, and when.
 */
@ApplicationModule(displayName = "Pool plans", allowedDependencies = {})
package io.vantage.domain.pool;

import org.springframework.modulith.ApplicationModule;
