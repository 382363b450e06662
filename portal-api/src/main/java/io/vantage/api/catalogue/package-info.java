/**
 * The catalogue: what a person can choose from when launching (their experiments, the plans open to them, their
 * quota and usage), and its administration where it has moved here from the admin module: flavours
 * (FlavourAdmin, /api/admin/flavours) with their limits by role or instrument, images (ImageAdmin), plans
 * (PlanAdmin, which asks the pools to follow a plan's changes), protocols and what a cloud offers (CloudCatalogue).
 * The admin module lends the console's shared parts (admin::console: audit, asking a cloud, role/instrument targets,
 * withdrawals).
 */
@ApplicationModule(displayName = "Catalogue", allowedDependencies = {
        "admin::console", "error", "launch", "pool", "security"})
package io.vantage.api.catalogue;

import org.springframework.modulith.ApplicationModule;
