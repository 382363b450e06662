/**
 * Maps what the clouds say onto instances (Reconciler, StateMapper), calls an instance ACTIVE when its ports
 * answer, and sweeps orphan machines (OrphanCleanup).
 */
@ApplicationModule(displayName = "Reconciler", allowedDependencies = {"cloud", "command"})
package io.vantage.api.reconcile;

import org.springframework.modulith.ApplicationModule;
