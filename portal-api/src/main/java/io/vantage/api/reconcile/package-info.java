/**
 * Maps what the clouds say onto instances (Reconciler, StateMapper), calls an instance ACTIVE when its ports
 * answer, and sweeps orphan machines (OrphanCleanup; an admin's sweep: OrphanController, audited through
 * admin::console).
 */
@ApplicationModule(displayName = "Reconciler", allowedDependencies = {"admin::console", "cloud", "command", "security"})
package io.vantage.api.reconcile;

import org.springframework.modulith.ApplicationModule;
