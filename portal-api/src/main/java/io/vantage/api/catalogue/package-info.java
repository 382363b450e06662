/**
 * The catalogue: what a person can choose from when launching (their experiments, the plans open to them, their
 * quota and usage), and its administration where it has moved here from the admin module: flavours
 * (FlavourAdmin, /api/admin/flavours) with their limits by role or instrument, images (ImageAdmin), plans
 * (PlanAdmin, which asks the pools to follow a plan's changes), protocols and what a cloud offers (CloudCatalogue).
 * Audited through the audit module; asks clouds through the cloud module's CloudLookup.
 */
@ApplicationModule(displayName = "Catalogue", allowedDependencies = {
        "audit", "cloud", "error", "launch", "pool", "security", "support"})
package io.vantage.api.catalogue;

import org.springframework.modulith.ApplicationModule;
