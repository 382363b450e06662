package io.vantage.api.cloud;

/**
 * A provider said that one of its machines may have changed state ({@link io.vantage.cloud.api.CloudProvider#watchStates}),
 * published on the thread that heard it: listeners hand their work to threads of their own.
 */
public record MachineStateChanged(Long providerId, String computeId) {
}
