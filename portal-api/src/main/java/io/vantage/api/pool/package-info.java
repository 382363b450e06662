/**
 * Pre-warmed pools per plan: how many ready machines to keep and when (PoolKeeper), and a launch's claim on one
 * (PoolClaims).
 */
@ApplicationModule(displayName = "Pools", allowedDependencies = {"cloud", "command", "error", "security", "support"})
package io.vantage.api.pool;

import org.springframework.modulith.ApplicationModule;
