/**
 * The clouds the portal talks to: provider plugins found with ServiceLoader (ProviderFactories, ProviderRegistry),
 * bounded calls (CloudCalls), health and limits asked in the background (CloudSnapshots, ProviderStatuses),
 * security groups for a machine, and their administration (ProviderAdmin, /api/admin/providers; SecurityGroupAdmin;
 * CloudLookup, which other admin parts use to ask a cloud). Knows clouds only through cloud-provider-api.
 */
@ApplicationModule(displayName = "Clouds", allowedDependencies = {"audit", "error", "security", "support"})
package io.vantage.api.cloud;

import org.springframework.modulith.ApplicationModule;
