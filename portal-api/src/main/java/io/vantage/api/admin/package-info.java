/**
 * The admin console's overview (/api/admin/overview): what runs where, recent launches and failures, across features.
 * Everything else an admin changes lives next to its feature: flavours, images, plans, protocols and what a cloud
 * offers in catalogue; clouds and security groups in cloud; instances in instance; their lifetimes and extension
 * requests in expiry; orphan cleanup in reconcile; people, groups and role policies in user; notices in
 * notification; data stores in data; pools in pool; the audit trail in audit.
 */
@ApplicationModule(displayName = "Administration", allowedDependencies = {"cloud"})
package io.vantage.api.admin;

import org.springframework.modulith.ApplicationModule;
