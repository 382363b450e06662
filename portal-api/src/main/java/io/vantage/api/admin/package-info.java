/**
 * The admin API (/api/admin): images, flavours, plans, protocols, clouds, security groups, people, groups, role
 * policies, notices, instances and audit. Lifetime changes go through the expiry module.
 */
@ApplicationModule(displayName = "Administration", allowedDependencies = {
        "cloud", "command", "error", "expiry::lifetimes", "instance", "launch", "pool", "reconcile", "security"})
package io.vantage.api.admin;

import org.springframework.modulith.ApplicationModule;
