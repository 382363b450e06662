/**
 * The persisted queue of cloud work (CommandQueue: create, start, stop, reboot, delete, hand over, time limit,
 * attach data) and its workers: once per command across replicas, in order per instance, retried on transient cloud
 * errors. Features enqueue; the data module supplies the mounts through MountPlanner, an interface owned here.
 */
@ApplicationModule(displayName = "Commands", allowedDependencies = {"cloud", "recipe"})
package io.vantage.api.command;

import org.springframework.modulith.ApplicationModule;
