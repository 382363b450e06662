package io.vantage.api.reconcile;

import java.time.Instant;

import io.vantage.cloud.api.CloudInstance;

/**
 * Whether a machine of this deployment has an owner in the database. A machine is deleted when its instance is
 * deleted or failed without recording it, or when the instance recorded another machine; a machine whose instance
 * the database does not know is deleted only if it is older than the newest instance record: a newer one may belong
 * to an instance lost by restoring the database from a backup, so it is held and reported instead.
 */
final class Orphans {

    enum Verdict { KEEP, DELETE, HOLD }

    /** The instance a machine names, as the database knows it. */
    record Known(String uid, String state, String computeId) {
    }

    record Decision(Verdict verdict, String reason) {
    }

    private Orphans() {
    }

    static Decision decide(CloudInstance machine, Known instance, Instant newestRecord) {
        if (instance == null) {
            if (machine.createdAt() == null || newestRecord == null || machine.createdAt().isAfter(newestRecord)) {
                return new Decision(Verdict.HOLD, "no instance " + machine.instanceUid().orElse("?") + " in the "
                        + "database, and the machine is newer than its newest instance record (created "
                        + machine.createdAt() + "): the database may have been restored from a backup, so it is "
                        + "not deleted; delete it in the cloud if nobody needs it");
            }
            return new Decision(Verdict.DELETE, "no instance " + machine.instanceUid().orElse("?")
                    + " in the database");
        }
        if (instance.state().equals("DELETED")) {
            return new Decision(Verdict.DELETE, "instance " + instance.uid() + " is deleted");
        }
        if (instance.computeId() == null) {
            return instance.state().equals("ERROR")
                    ? new Decision(Verdict.DELETE, "instance " + instance.uid() + " failed before recording it")
                    : new Decision(Verdict.KEEP, "instance " + instance.uid() + " is being created");
        }
        if (!instance.computeId().equals(machine.computeId())) {
            return new Decision(Verdict.DELETE, "instance " + instance.uid() + " runs on machine "
                    + instance.computeId() + "; this one is a second machine made for it");
        }
        return new Decision(Verdict.KEEP, "instance " + instance.uid() + " is " + instance.state());
    }
}
