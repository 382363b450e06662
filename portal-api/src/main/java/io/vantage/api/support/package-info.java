/**
 * Portal-wide plumbing: its public URL (PortalLinks, PortalProperties), random tokens and secrets (Tokens),
 * scheduling with ShedLock, the OpenAPI document, and what admin parts share: paging (Paging, PageView), soft deletes
 * (Withdrawal) and role/instrument/flavour targets (Targets). Depends only on the error module.
 */
@ApplicationModule(displayName = "Support", allowedDependencies = {"error"})
package io.vantage.api.support;

import org.springframework.modulith.ApplicationModule;
