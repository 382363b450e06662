package io.vantage.api.reconcile;

import java.time.Duration;
import java.time.Instant;

import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceState;

/**
 * Applies what the cloud reports to an instance. Requested transitions (stopping, rebooting, deleting) are given
 * {@code settleTime} to show up in the cloud before the portal believes a contradicting report. While a machine is
 * being built or started, and after it ended or failed, the cloud's own detail (a batch job's place in the queue and
 * expected start, "reached its time limit") is the reason people see: a wait is never silent.
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
        String detail = observed.machine().detail();
        switch (observed.machine().state()) {
            case RUNNING -> running(instance, observed, ip, settling, now);
            case STOPPED -> {
                if (!(state == InstanceState.STARTING && settling) && state != InstanceState.DELETING) {
                    instance.markStopped(now);
                }
            }
            case BUILDING, STARTING -> {
                if (state == InstanceState.BUILDING || state == InstanceState.STARTING) {
                    if (detail != null) {
                        instance.report(detail, now);
                    }
                } else if (state != InstanceState.DELETING) {
                    instance.markStarting(detail != null ? detail : "The machine is starting", now);
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
                    instance.markUnknown(detail != null ? detail : "The machine was deleted in the cloud", now);
                }
            }
            case ERROR -> {
                if (state != InstanceState.DELETING) {
                    String fault = observed.machine().fault();
                    instance.markError(fault != null && !fault.isBlank() ? fault
                            : detail != null ? detail : "The cloud reports an error", now);
                }
            }
            case UNKNOWN -> {
                if (state != InstanceState.DELETING) {
                    instance.markUnknown(detail != null ? detail : "The cloud reports an unknown state", now);
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
