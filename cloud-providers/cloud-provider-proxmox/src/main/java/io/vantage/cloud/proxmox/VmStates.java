package io.vantage.cloud.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.vantage.cloud.api.CloudState;

import java.util.Set;

/** What a VM's status, QEMU status, lock and HA state mean for the portal. */
final class VmStates {

    /** QEMU states of a VM that will not run again by itself. */
    private static final Set<String> QEMU_FAULTS = Set.of("internal-error", "io-error", "guest-panicked");

    record Verdict(CloudState state, String fault) {
    }

    private VmStates() {
    }

    /** From {@code /nodes/{node}/qemu/{vmid}/status/current}; {@code addressed} whether the guest agent gave one. */
    static Verdict of(JsonNode current, boolean addressed) {
        String lock = current.path("lock").asText("");
        String status = current.path("status").asText("");
        String qemu = current.path("qmpstatus").asText(status);
        if ("error".equals(current.path("ha").path("state").asText())) {
            return new Verdict(CloudState.ERROR, "Proxmox HA reports an error for this VM");
        }
        switch (lock) {
            case "clone", "create" -> {
                return new Verdict(CloudState.BUILDING, null);
            }
            case "destroyed" -> {
                return new Verdict(CloudState.DELETING, null);
            }
            case "suspending" -> {
                return new Verdict(CloudState.STOPPING, null);
            }
            default -> {
            }
        }
        if ("running".equals(status)) {
            if (QEMU_FAULTS.contains(qemu)) {
                return new Verdict(CloudState.ERROR, "QEMU reports " + qemu + " for this VM");
            }
            return switch (qemu) {
                case "paused", "suspended" -> new Verdict(CloudState.STOPPED, null);
                case "prelaunch", "inmigrate" -> new Verdict(CloudState.STARTING, null);
                case "shutdown" -> new Verdict(CloudState.STOPPING, null);
                default -> new Verdict(addressed ? CloudState.RUNNING : CloudState.STARTING, null);
            };
        }
        if ("stopped".equals(status)) {
            return new Verdict(CloudState.STOPPED, null);
        }
        return new Verdict(CloudState.UNKNOWN, null);
    }

    /** From a {@code /cluster/resources} row, which has no QEMU status: good enough for the orphan sweep. */
    static CloudState of(Cluster.Vm vm) {
        if ("clone".equals(vm.lock()) || "create".equals(vm.lock())) {
            return CloudState.BUILDING;
        }
        return switch (vm.status()) {
            case "running" -> CloudState.RUNNING;
            case "stopped" -> CloudState.STOPPED;
            default -> CloudState.UNKNOWN;
        };
    }

    static boolean paused(JsonNode current) {
        String qemu = current.path("qmpstatus").asText("");
        return "running".equals(current.path("status").asText()) && ("paused".equals(qemu)
                || "suspended".equals(qemu));
    }
}
