package io.vantage.cloud.slurm;

import java.util.List;

import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.DataMount;
import io.vantage.cloud.api.DataMounts;

/**
 * The experiments' data of a job: folders of the node's own file system (kind {@code local}), which the job script
 * links under {@code ~/data/<target>}. A batch job runs without root, so it can mount nothing (NFS, CephFS) and has
 * no cluster volumes (claims, CSI): those are refused by name before anything is submitted, as the local and
 * Kubernetes providers refuse what they cannot make. The paths travel in the job's environment, never in its script,
 * so no path can become shell code.
 */
final class DataLinks {

    /** One line per mount, {@code <target>TAB<path>}: {@link DataMount} refuses control characters in both. */
    static final String VARIABLE = "VANTAGE_DATA_LINKS";

    private DataLinks() {
    }

    /** @throws CloudPermanentException naming the first mount a batch job cannot have */
    static void check(List<DataMount> mounts) {
        for (DataMount mount : mounts) {
            if (mount.kind() != DataMount.Kind.LOCAL) {
                throw new CloudPermanentException("Data folder " + mount.target() + " ("
                        + DataMounts.kindName(mount.kind()) + " " + mount.source() + ") cannot be given to a Slurm "
                        + "job: a batch job mounts nothing and sees only the node's file system (kind local); give "
                        + "this cloud a data store of kind local with the path where the nodes mount it");
            }
        }
    }

    static String environment(List<DataMount> mounts) {
        check(mounts);
        StringBuilder lines = new StringBuilder();
        for (DataMount mount : mounts) {
            lines.append(mount.target()).append('\t').append(mount.path()).append('\n');
        }
        return lines.toString();
    }
}
