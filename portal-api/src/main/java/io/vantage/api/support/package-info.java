/**
 * Portal-wide plumbing: its public URL (PortalLinks, PortalProperties), random tokens and secrets (Tokens),
 * scheduling with ShedLock and the OpenAPI document. Depends on no other module.
 */
@ApplicationModule(displayName = "Support", allowedDependencies = {})
package io.vantage.api.support;

import org.springframework.modulith.ApplicationModule;
