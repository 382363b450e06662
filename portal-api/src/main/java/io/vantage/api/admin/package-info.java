/**
 * The admin API (/api/admin): images, plans, protocols, clouds, security groups, people, groups, role policies,
 * notices, instances and audit. Lifetime changes go through the expiry module. Admin parts move next to the feature
 * they change (flavours: the catalogue module); what they share with the console is the named interface
 * admin::console (AdminAudit, CloudLookup, Targets, Withdrawal).
 */
@ApplicationModule(displayName = "Administration", allowedDependencies = {
        "cloud", "command", "error", "expiry::lifetimes", "instance", "launch", "pool", "reconcile", "security"})
package io.vantage.api.admin;

import org.springframework.modulith.ApplicationModule;
