package io.vantage.cloud.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One folder of experiment data a machine must show its user, under {@code ~/data/<target>}. The portal decides
 * which folders an instance may have (only those of experiments its owner may access); a provider only makes them
 * appear, read-only where asked, and knows nothing of experiments or proposals.
 *
 * @param target   the folder's name under {@code ~/data}: letters, digits, {@code . _ -}, at most 100 characters,
 *                 never {@code .} or {@code ..} (an experiment id, {@code <proposal>-processed})
 * @param kind     how the machine reaches the data
 * @param source   where the data is, in the kind's own syntax: {@link Kind#LOCAL} an absolute path on the machine
 *                 (or the node that runs it); {@link Kind#NFS} {@code server:/export/path}; {@link Kind#CEPHFS}
 *                 {@code mon1,mon2:/path}; {@link Kind#KUBERNETES_CLAIM} {@code claim-name:/path/in/claim};
 *                 {@link Kind#CSI} {@code driver.name:/path/in/volume}. Paths are absolute and normalised (no
 *                 {@code .} or {@code ..} segments)
 * @param readOnly raw data is read-only; a proposal's area for processed results is not
 * @param options  mount options as {@code mount -o} takes them ({@code vers=4.1,nosuid}; for CephFS the client
 *                 {@code name=...}; for CSI the volume attributes as {@code key=value,...}), or null
 * @param secret   a credential the machine needs to mount it (a CephFS key), or null; never shown by
 *                 {@link #toString()}
 */
public record DataMount(String target, Kind kind, String source, boolean readOnly, String options, String secret) {

    private static final Pattern TARGET = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,99}");

    /** How a machine reaches a data folder; a provider supports the kinds its machines can mount. */
    public enum Kind {
        /** A folder of the machine's own file system (the local provider, a batch cluster's shared file system). */
        LOCAL,
        /** NFS (v3, v4, v4.1 as dCache serves it: the version is in the options). */
        NFS,
        /** CephFS with the kernel client. */
        CEPHFS,
        /** A Kubernetes PersistentVolumeClaim in the provider's namespace, mounted at a sub-path. */
        KUBERNETES_CLAIM,
        /** A Kubernetes CSI driver's inline volume, mounted at a sub-path. */
        CSI
    }

    public DataMount {
        Objects.requireNonNull(kind, "kind");
        if (target == null || !TARGET.matcher(target).matches() || target.equals("..")) {
            throw new IllegalArgumentException("data mount target '" + target + "' must be 1-100 letters, digits, "
                    + "'.', '_' or '-', not starting with '.' or '-'");
        }
        Objects.requireNonNull(source, "source");
        String path = kind == Kind.LOCAL ? source : pathOf(source);
        if (!path.startsWith("/") || !isNormal(path)) {
            throw new IllegalArgumentException("data mount " + target + ": '" + source + "' is not an absolute, "
                    + "normalised path" + (kind == Kind.LOCAL ? "" : " after 'server:'"));
        }
        if (kind != Kind.LOCAL && serverOf(source).isBlank()) {
            throw new IllegalArgumentException("data mount " + target + ": '" + source + "' names no "
                    + (kind == Kind.NFS || kind == Kind.CEPHFS ? "server" : kind == Kind.CSI ? "driver" : "claim")
                    + " before ':'");
        }
        options = options == null || options.isBlank() ? null : options.strip();
    }

    /** The part of {@link #source()} before the path: NFS server, Ceph monitors, claim or driver; "" for LOCAL. */
    public String server() {
        return kind == Kind.LOCAL ? "" : serverOf(source);
    }

    /** The absolute path part of {@link #source()}. */
    public String path() {
        return kind == Kind.LOCAL ? source : pathOf(source);
    }

    /** Where the user finds it, relative to the home folder. */
    public String folder() {
        return "data/" + target;
    }

    private static String serverOf(String source) {
        int colon = source.indexOf(':');
        return colon < 0 ? "" : source.substring(0, colon);
    }

    private static String pathOf(String source) {
        int colon = source.indexOf(':');
        return colon < 0 ? source : source.substring(colon + 1);
    }

    private static boolean isNormal(String path) {
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.equals(".") || segment.equals("..") || (segment.isEmpty() && path.length() > 1)) {
                return false;
            }
        }
        return path.indexOf('\0') < 0 && path.chars().noneMatch(Character::isISOControl);
    }

    @Override
    public String toString() {
        return "DataMount[" + target + " <- " + kind + " " + source + (readOnly ? " ro" : " rw")
                + (options == null ? "" : " " + options) + (secret == null ? "" : " secret=****") + "]";
    }
}
