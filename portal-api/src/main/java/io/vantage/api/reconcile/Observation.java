package io.vantage.api.reconcile;

import io.vantage.cloud.api.CloudInstance;

/**
 * What the cloud said about one machine and how many of the image's required ports answered.
 *
 * @param machine null when the cloud no longer knows the machine
 */
record Observation(CloudInstance machine, int requiredPorts, int openPorts) {

    boolean gone() {
        return machine == null;
    }
}
