package io.vantage.api.command;

import java.util.List;

import io.vantage.cloud.api.DataMount;
import io.vantage.domain.instance.Instance;

/**
 * The data folders a machine is given when it is created, handed over or attached to: owned here, implemented by the
 * data module, so the worker does not depend on the feature that queues its commands.
 */
public interface MountPlanner {

    /** Inside a transaction; an {@link IllegalArgumentException} names a folder no machine could take. */
    List<DataMount> mounts(Instance instance);
}
