/**
 * The admin API (/api/admin): clouds, security groups, extension requests, instances, the overview and audit.
 * Lifetime changes go through the expiry module. Admin parts move next to the feature they change (flavours, images,
 * plans, protocols and what a cloud offers: the catalogue module; orphan cleanup: reconcile; people, groups and role
 * policies: user; notices: notification); what they share with the console is the named interface admin::console
 * (AdminAudit, CloudLookup, PageView, Paging, Targets, Withdrawal).
 */
@ApplicationModule(displayName = "Administration", allowedDependencies = {
        "cloud", "command", "error", "expiry::lifetimes", "instance", "launch", "pool", "security"})
package io.vantage.api.admin;

import org.springframework.modulith.ApplicationModule;
