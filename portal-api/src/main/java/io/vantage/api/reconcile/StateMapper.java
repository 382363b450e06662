package io.vantage.api.reconcile;

import java.time.Duration;
import java.time.Instant;

import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceState;

/**
 * Applies what the cloud reports to an instance. Requested transitions (stopping, rebooting, deleting) are given
 * {@code settleTime} to show up in the cloud before the portal believes a contradicting report.
 */
final class StateMapper {

    private StateMapper() {
    }

    static void apply(Instance instance, Observation observed, Instant lastCommandFinished, Duration settleTime,
                      Instant now) {
        InstanceState state = instance.getState();
        boolean settling = lastCommandFinished != null && lastCommandFinished.plus(settleTime).isAfter(now);
        if (observed.gone()) {
            if (state == InstanceState.DELETING || instance.isDeleteRequested()) {
                instance.markDeleted(now);
            } else if (state != InstanceState.BUILDING || instance.getComputeId() != null) {
                instance.markUnknown("The machine no longer exists in the cloud", now);
            }
            return;
        }
        String ip = observed.machine().address().orElse(null);
        switch (observed.machine().state()) {
            case RUNNING -> running(instance, observed, ip, settling, now);
            case STOPPED -> {
                if (!(state == InstanceState.STARTING && settling) && state != InstanceState.DELETING) {
                    instance.markStopped(now);
                }
            }
            case BUILDING, STARTING -> {
                if (state != InstanceState.BUILDING && state != InstanceState.STARTING && state != InstanceState.DELETING) {
                    instance.markStarting("The machine is starting", now);
                }
            }
            case REBOOTING -> {
                if (state != InstanceState.REBOOTING && state != InstanceState.DELETING) {
                    instance.markRebooting(now);
                }
            }
            case STOPPING, DELETING -> {
                // in progress; keep what the person asked for
            }
            case DELETED -> {
                if (state == InstanceState.DELETING || instance.isDeleteRequested()) {
                    instance.markDeleted(now);
                } else {
                    instance.markUnknown("The machine was deleted in the cloud", now);
                }
            }
            case ERROR -> {
                if (state != InstanceState.DELETING) {
                    String fault = observed.machine().fault();
                    instance.markError(fault == null || fault.isBlank() ? "The cloud reports an error" : fault, now);
                }
            }
            case UNKNOWN -> {
                if (state != InstanceState.DELETING) {
                    instance.markUnknown("The cloud reports an unknown state", now);
                }
            }
        }
    }

    private static void running(Instance instance, Observation observed, String ip, boolean settling, Instant now) {
        InstanceState state = instance.getState();
        if (state == InstanceState.DELETING || ((state == InstanceState.STOPPING || state == InstanceState.REBOOTING)
                && settling)) {
            return;
        }
        if (observed.requiredPorts() == 0 || observed.openPorts() == observed.requiredPorts()) {
            instance.markActive(ip, now);
        } else if (observed.openPorts() > 0) {
            instance.markPartiallyActive(ip, observed.openPorts() + " of " + observed.requiredPorts()
                    + " services answer", now);
        } else {
            instance.markStarting("The machine runs; waiting for its services to answer", now);
        }
    }
}
