package io.vantage.domain.data;

/** How machines reach a data store; the admin console offers these. */
public enum DataStoreKind {
    /** A folder of the machine itself: the local provider, a batch cluster's nodes. */
    LOCAL,
    /** An NFS export, {@code server} the host. */
    NFS,
    /** dCache through its NFS 4.1 door: NFS with {@code vers=4.1}. */
    DCACHE_NFS41,
    /** CephFS, {@code server} the monitors ({@code mon1,mon2}), the secret the client's key. */
    CEPHFS,
    /** A Kubernetes PersistentVolumeClaim, {@code server} the claim's name, the root a path inside it. */
    KUBERNETES_CLAIM,
    /** A Kubernetes CSI driver's inline volume, {@code server} the driver, options its volume attributes. */
    CSI;

    /** Whether {@code server} must be given. */
    public boolean needsServer() {
        return this != LOCAL;
    }
}
