/**
 * The clouds the portal talks to: provider plugins found with ServiceLoader (ProviderFactories, ProviderRegistry),
 * bounded calls (CloudCalls), health and limits asked in the background (CloudSnapshots, ProviderStatuses),
 * security groups for a machine. Knows clouds only through cloud-provider-api and depends on no other module.
 */
@ApplicationModule(displayName = "Clouds", allowedDependencies = {})
package io.vantage.api.cloud;

import org.springframework.modulith.ApplicationModule;
