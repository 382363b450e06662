package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.vantage.cloud.api.CloudState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a VirtualMachine's {@code printableStatus} and conditions, and its VirtualMachineInstance's phase and
 * conditions, mean for the portal. KubeVirt keeps retrying a failed pull, schedule or start, so such a state counts
 * as ERROR only once it has lasted {@code fault-grace}, as for pods.
 */
final class VmStates {

    /** Printable statuses KubeVirt keeps retrying but that rarely heal without a person. */
    static final Set<String> FAULTS = Set.of("ErrorUnschedulable", "ErrImagePull", "ImagePullBackOff",
            "CrashLoopBackOff", "ErrorPvcNotFound", "ErrorDataVolumeNotFound", "DataVolumeError");

    private static final List<String> SPECIFIC = List.of("Failure", "PodScheduled", "Synchronized");
    private static final List<String> ANY = List.of("Failure", "PodScheduled", "Synchronized", "Ready");

    private final Duration faultGrace;

    VmStates(Duration faultGrace) {
        this.faultGrace = faultGrace;
    }

    PodStates.Verdict of(GenericKubernetesResource vm, GenericKubernetesResource vmi, boolean addressed, Instant now) {
        if (vm.getMetadata().getDeletionTimestamp() != null) {
            return verdict(CloudState.DELETING);
        }
        if (vmi != null && vmi.getMetadata().getDeletionTimestamp() != null) {
            // the instance is shutting down: for a reboot KubeVirt makes a new one, otherwise the machine stops
            return verdict(wantsToRun(vm) ? CloudState.REBOOTING : CloudState.STOPPING);
        }
        Optional<Map<String, Object>> failure = condition(vm, "Failure").filter(c -> "True".equals(c.get("status")));
        if (failure.isPresent() && persisted(vm, failure.get(), now)) {
            return new PodStates.Verdict(CloudState.ERROR, describe(failure.get()));
        }
        String printable = KubeVirt.text(vm, "status", "printableStatus");
        if (printable == null) {
            return fromInstance(vm, vmi, addressed);
        }
        if (FAULTS.contains(printable)) {
            // since the fault's own condition changed, else since the machine stopped being ready
            Map<String, Object> since = faultCondition(vm, vmi, SPECIFIC)
                    .or(() -> condition(vm, "Ready")).orElse(Map.of());
            return persisted(vm, since, now)
                    ? new PodStates.Verdict(CloudState.ERROR, fault(printable, vm, vmi, SPECIFIC))
                    : verdict(CloudState.BUILDING);
        }
        return switch (printable) {
            case "Stopped" -> verdict(CloudState.STOPPED);
            case "Provisioning", "WaitingForVolumeBinding" -> verdict(CloudState.BUILDING);
            case "Starting" -> verdict(CloudState.STARTING);
            case "Running", "Migrating" -> verdict(ready(vmi) && addressed ? CloudState.RUNNING : CloudState.STARTING);
            case "Paused" -> verdict(CloudState.STOPPED); // holds its memory, but runs nothing: start unpauses
            case "Stopping" -> verdict(CloudState.STOPPING);
            case "Terminating" -> verdict(CloudState.DELETING);
            default -> verdict(CloudState.UNKNOWN);
        };
    }

    /** KubeVirt releases without printableStatus: the instance's phase tells. */
    private PodStates.Verdict fromInstance(GenericKubernetesResource vm, GenericKubernetesResource vmi,
                                           boolean addressed) {
        if (vmi == null) {
            return verdict(wantsToRun(vm) ? CloudState.BUILDING : CloudState.STOPPED);
        }
        String phase = KubeVirt.text(vmi, "status", "phase");
        return switch (phase == null ? "Pending" : phase) {
            case "Pending", "Scheduling" -> verdict(CloudState.BUILDING);
            case "Scheduled" -> verdict(CloudState.STARTING);
            case "Running" -> verdict(ready(vmi) && addressed ? CloudState.RUNNING : CloudState.STARTING);
            case "Succeeded" -> verdict(CloudState.STOPPED);
            case "Failed" -> new PodStates.Verdict(CloudState.ERROR, fault("Failed", vm, vmi, ANY));
            default -> verdict(CloudState.UNKNOWN);
        };
    }

    static boolean wantsToRun(GenericKubernetesResource vm) {
        Object running = vm.get("spec", "running");
        if (running != null) {
            return Boolean.TRUE.equals(running);
        }
        return !"Halted".equals(KubeVirt.text(vm, "spec", "runStrategy"));
    }

    private static boolean ready(GenericKubernetesResource vmi) {
        return condition(vmi, "Ready").map(c -> "True".equals(c.get("status"))).orElse(false);
    }

    /**
     * The printable status with the most specific message KubeVirt gives: a failed condition of the VM or its
     * instance. Ready's own messages ("Guest VM is not reported as running") only repeat the status.
     */
    private static String fault(String printable, GenericKubernetesResource vm, GenericKubernetesResource vmi,
                                List<String> types) {
        StringBuilder text = new StringBuilder(printable);
        Object failures = vm.get("status", "startFailure", "consecutiveFailCount");
        if (failures != null) {
            text.append(" (failed to start ").append(failures).append(" times in a row)");
        }
        faultCondition(vm, vmi, types).ifPresent(condition -> {
            Object reason = condition.get("reason");
            text.append(": ");
            if (reason != null && !printable.equals(reason)) {
                text.append(reason).append(": ");
            }
            text.append(condition.get("message"));
        });
        return text.toString();
    }

    private static Optional<Map<String, Object>> faultCondition(GenericKubernetesResource vm,
                                                                 GenericKubernetesResource vmi, List<String> types) {
        for (GenericKubernetesResource resource : new GenericKubernetesResource[] {vm, vmi}) {
            for (String type : types) {
                Optional<Map<String, Object>> found = condition(resource, type)
                        .filter(c -> !"True".equals(c.get("status")) || "Failure".equals(type))
                        .filter(c -> c.get("message") != null);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Map<String, Object>> condition(GenericKubernetesResource resource, String type) {
        return KubeVirt.list(resource, "status", "conditions").stream().filter(c -> type.equals(c.get("type")))
                .findFirst();
    }

    /** Since the condition changed, or since the VM was made; a missing time cannot prove the fault is fresh. */
    private boolean persisted(GenericKubernetesResource vm, Map<String, Object> condition, Instant now) {
        Object stamp = condition.get("lastTransitionTime");
        String since = stamp != null ? stamp.toString() : vm.getMetadata().getCreationTimestamp();
        return since == null || !Instant.parse(since).plus(faultGrace).isAfter(now);
    }

    private static String describe(Map<String, Object> condition) {
        Object reason = condition.get("reason");
        Object message = condition.get("message");
        String head = reason == null ? "the machine could not start" : reason.toString();
        return message == null ? head : head + ": " + message;
    }

    private static PodStates.Verdict verdict(CloudState state) {
        return new PodStates.Verdict(state, null);
    }
}
