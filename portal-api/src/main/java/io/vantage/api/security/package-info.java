/**
 * Who is calling and what they may do: OIDC login and bearer tokens, roles evaluated per request (EffectiveRoles,
 * RolesNow), browser sessions, and AccessPolicy, the one place where access to an instance is decided (for requests
 * and open connections: ConnectionDecision). Access changes travel between replicas as AccessChange (AccessChanges,
 * AccessChangeListener).
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {"error", "support"})
package io.vantage.api.security;

import org.springframework.modulith.ApplicationModule;
