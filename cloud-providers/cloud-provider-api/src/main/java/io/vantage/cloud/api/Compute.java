package io.vantage.cloud.api;

import java.util.List;
import java.util.Optional;

/**
 * Machine lifecycle. Every call either succeeds, or throws {@link CloudTransientException} (try again later) or
 * {@link CloudPermanentException} (a person has to act). Calls on a machine that is already gone are no-ops for
 * delete and {@link Optional#empty()} for get.
 */
public interface Compute {

    /** Starts creating a machine and returns at once with its compute id; the machine is usually still BUILDING. */
    CloudInstance create(CreateInstanceRequest request);

    Optional<CloudInstance> get(String computeId);

    /** The machines of this deployment only (by tag), never another deployment's machines in the same project. */
    List<CloudInstance> list();

    /**
     * The machine made for this instance, found by its {@link Tags#INSTANCE} tag (or name) whatever the portal
     * recorded: after a create whose answer was lost, or a delete with no recorded compute id. Providers should
     * override this with a filtered query (name or metadata filter, label selector) instead of a full list.
     */
    default Optional<CloudInstance> findByInstanceUid(String instanceUid) {
        return list().stream().filter(machine -> machine.instanceUid().filter(instanceUid::equals).isPresent())
                .findFirst();
    }

    void start(String computeId);

    void stop(String computeId);

    void reboot(String computeId);

    void delete(String computeId);

    /**
     * Gives an existing machine (running or stopped) exactly these data mounts instead of those it was created with
     * or last given: the portal calls it when an experiment is added to an instance, and when a pre-made machine is
     * handed to its owner. Safe to call again with the same list.
     *
     * @return whether the machine shows them now, after a restart, or not at all (the default: a cloud that cannot
     *         change an existing machine's data)
     */
    default DataAttachment applyDataMounts(String computeId, List<DataMount> mounts) {
        return DataAttachment.UNSUPPORTED;
    }

    /** Whether a running machine must be stopped before it can be deleted on this cloud. */
    default boolean requiresStopBeforeDelete() {
        return false;
    }
}
