package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.DataMount;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The experiments' data as pod volumes, one per mount, mounted at {@code <home>/data/<target>} (read-only for raw
 * data, both in the volume source and in the mount). The portal decided which folders the instance may have; the
 * pod gets exactly those. Kinds a pod cannot mount are refused by name, never left out.
 */
final class DataVolumes {

    /** Volume names of data mounts start with this; no other volume of the pod does. */
    static final String PREFIX = "data-";

    private DataVolumes() {
    }

    static String dataDir(KubernetesSettings settings) {
        return (settings.storage() == null ? "/home/vantage" : settings.storage().mountPath()) + "/data";
    }

    static List<Volume> volumes(List<DataMount> mounts) {
        return java.util.stream.IntStream.range(0, mounts.size()).mapToObj(i -> volume(i, mounts.get(i))).toList();
    }

    static List<VolumeMount> mounts(List<DataMount> mounts, String dataDir) {
        return java.util.stream.IntStream.range(0, mounts.size()).mapToObj(i -> {
            DataMount mount = mounts.get(i);
            VolumeMountBuilder builder = new VolumeMountBuilder().withName(PREFIX + i)
                    .withMountPath(dataDir + "/" + mount.target()).withReadOnly(mount.readOnly());
            String subPath = subPath(mount);
            return (subPath == null ? builder : builder.withSubPath(subPath)).build();
        }).toList();
    }

    /** Refuses what a pod cannot mount, naming the mount; before anything is created. */
    static void check(List<DataMount> mounts) {
        for (int i = 0; i < mounts.size(); i++) {
            volume(i, mounts.get(i));
        }
    }

    private static Volume volume(int index, DataMount mount) {
        if (mount.secret() != null) {
            throw refused(mount, "it needs a credential, which a pod volume cannot be given: use a claim whose "
                    + "PersistentVolume holds it");
        }
        VolumeBuilder volume = new VolumeBuilder().withName(PREFIX + index);
        return switch (mount.kind()) {
            case KUBERNETES_CLAIM -> volume.withNewPersistentVolumeClaim().withClaimName(mount.server())
                    .withReadOnly(mount.readOnly()).endPersistentVolumeClaim().build();
            // an inline NFS volume takes no mount options: a site that needs vers=4.1 uses a claim
            case NFS -> volume.withNewNfs().withServer(mount.server()).withPath(mount.path())
                    .withReadOnly(mount.readOnly()).endNfs().build();
            case LOCAL -> volume.withNewHostPath().withPath(mount.path()).withType("Directory").endHostPath().build();
            case CSI -> volume.withNewCsi().withDriver(mount.server()).withReadOnly(mount.readOnly())
                    .withVolumeAttributes(attributes(mount)).endCsi().build();
            case CEPHFS -> throw refused(mount, "Kubernetes no longer mounts CephFS in a pod directly: use a claim "
                    + "or the CephFS CSI driver");
        };
    }

    /** Claims and CSI volumes are mounted at the mount's path inside them; NFS and host paths name it already. */
    private static String subPath(DataMount mount) {
        boolean inside = mount.kind() == DataMount.Kind.KUBERNETES_CLAIM || mount.kind() == DataMount.Kind.CSI;
        return inside && !mount.path().equals("/") ? mount.path().substring(1) : null;
    }

    private static Map<String, String> attributes(DataMount mount) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (mount.options() != null) {
            for (String pair : mount.options().split(",")) {
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw refused(mount, "CSI options must be key=value pairs, not '" + pair + "'");
                }
                attributes.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
            }
        }
        return attributes;
    }

    private static CloudPermanentException refused(DataMount mount, String why) {
        return new CloudPermanentException("Data mount " + mount.target() + " (" + mount.kind() + " " + mount.source()
                + ") cannot be given to a pod: " + why);
    }
}
