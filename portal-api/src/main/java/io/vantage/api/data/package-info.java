/**
 * Experiment data: data stores (admin), the mounts an instance gets (DataMountPlanner, implementing the command
 * module's MountPlanner), adding an experiment to a running instance, and Analyse-in-Vantage links (OpenLinks).
 */
@ApplicationModule(displayName = "Experiment data", allowedDependencies = {"command", "error", "security"})
package io.vantage.api.data;

import org.springframework.modulith.ApplicationModule;
