/**
 * The admin API (/api/admin): clouds, security groups, people, groups, role policies, notices, instances and audit.
 * Lifetime changes go through the expiry module. Admin parts move next to the feature they change (flavours, images,
 * plans, protocols and what a cloud offers: the catalogue module; orphan cleanup: the reconcile module); what they
 * share with the console is the named interface admin::console (AdminAudit, CloudLookup, Targets, Withdrawal).
 */
@ApplicationModule(displayName = "Administration", allowedDependencies = {
        "cloud", "command", "error", "expiry::lifetimes", "instance", "launch", "pool", "security"})
package io.vantage.api.admin;

import org.springframework.modulith.ApplicationModule;
