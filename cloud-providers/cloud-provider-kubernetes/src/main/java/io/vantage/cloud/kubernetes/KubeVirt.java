package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * KubeVirt support: detection only so far. Discovery is used rather than reading the CRD, because a namespaced
 * service account may not read cluster-scoped CustomResourceDefinitions.
 */
final class KubeVirt {

    static final String API_VERSION = "kubevirt.io/v1";
    static final String KIND = "VirtualMachine";

    private KubeVirt() {
    }

    static boolean isInstalled(KubernetesClient client) {
        return client.supports(API_VERSION, KIND);
    }
}
