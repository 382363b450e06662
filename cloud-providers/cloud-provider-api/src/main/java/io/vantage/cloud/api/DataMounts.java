package io.vantage.cloud.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data mounts as a machine receives them (docs/image-contract.md, "Experiment data"): one metadata key per
 * mount, {@code vantage-data-<n>}, holding a small JSON object, and its credential, if any, under
 * {@code vantage-data-secret-<n>}. One key per mount keeps every value under Nova's 255 characters for any sensible
 * path; a value that would not fit is refused, never cut (a cut path would mount a parent folder).
 */
public final class DataMounts {

    public static final String KEY_PREFIX = "vantage-data-";
    public static final String SECRET_PREFIX = "vantage-data-secret-";

    private DataMounts() {
    }

    /**
     * {@code vantage-data-0 = {"target":"EXP-1","kind":"nfs","source":"nfs:/x","readOnly":true,"options":"vers=4.1"}}
     * and so on in order, plus {@code vantage-data-secret-<n>} for mounts with a credential.
     */
    public static Map<String, String> machineMetadata(List<DataMount> mounts) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < mounts.size(); i++) {
            values.put(KEY_PREFIX + i, json(mounts.get(i)));
            if (mounts.get(i).secret() != null) {
                values.put(SECRET_PREFIX + i, mounts.get(i).secret());
            }
        }
        return values;
    }

    /**
     * Refuses, naming the mount, the kinds a virtual machine's own boot script cannot mount (a Kubernetes claim or
     * CSI volume belongs to the cluster, out of the guest's reach), before anything is created.
     */
    public static void requireMountableByGuest(List<DataMount> mounts) {
        for (DataMount mount : mounts) {
            if (mount.kind() == DataMount.Kind.KUBERNETES_CLAIM || mount.kind() == DataMount.Kind.CSI) {
                throw new CloudPermanentException("Data mount " + mount.target() + " (" + mount.source() + ") is a "
                        + "Kubernetes volume, which a virtual machine cannot mount: give the store an NFS or CephFS "
                        + "address for virtual machines");
            }
        }
    }

    /** All mounts as one JSON array (environment variables have no length limit); never with credentials. */
    public static String jsonArray(List<DataMount> mounts) {
        StringBuilder json = new StringBuilder("[");
        for (DataMount mount : mounts) {
            json.append(json.length() > 1 ? "," : "").append(json(mount));
        }
        return json.append(']').toString();
    }

    /** One mount without its credential, e.g. {@code {"target":"EXP-1","kind":"local","source":"/d","readOnly":true}}. */
    public static String json(DataMount mount) {
        StringBuilder json = new StringBuilder("{\"target\":").append(quote(mount.target()))
                .append(",\"kind\":").append(quote(kindName(mount.kind())))
                .append(",\"source\":").append(quote(mount.source()))
                .append(",\"readOnly\":").append(mount.readOnly());
        if (mount.options() != null) {
            json.append(",\"options\":").append(quote(mount.options()));
        }
        return json.append('}').toString();
    }

    /** {@code local}, {@code nfs}, {@code cephfs}, {@code kubernetes-claim}, {@code csi}. */
    public static String kindName(DataMount.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
