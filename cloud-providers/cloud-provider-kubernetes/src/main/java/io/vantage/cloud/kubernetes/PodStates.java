package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.vantage.cloud.api.CloudState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** What a pod's phase, conditions and container states mean for the portal. */
final class PodStates {

    /** Waiting reasons the kubelet keeps retrying but that rarely heal without a person. */
    static final Set<String> FAULTS = Set.of("ImagePullBackOff", "ErrImagePull", "InvalidImageName",
            "CrashLoopBackOff", "CreateContainerConfigError", "CreateContainerError");

    record Verdict(CloudState state, String fault) {
    }

    private final Duration faultGrace;

    PodStates(Duration faultGrace) {
        this.faultGrace = faultGrace;
    }

    Verdict of(Pod pod, Instant now) {
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            return new Verdict(CloudState.DELETING, null);
        }
        PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        String phase = status.getPhase() == null ? "Pending" : status.getPhase();
        return switch (phase) {
            case "Pending" -> persistingFault(pod, status, now).map(fault -> new Verdict(CloudState.ERROR, fault))
                    .orElse(new Verdict(CloudState.BUILDING, null));
            case "Running" -> isReady(status) ? new Verdict(CloudState.RUNNING, null)
                    : persistingFault(pod, status, now).map(fault -> new Verdict(CloudState.ERROR, fault))
                    .orElse(new Verdict(CloudState.STARTING, null));
            case "Succeeded" -> new Verdict(CloudState.STOPPED, null);
            case "Failed" -> new Verdict(CloudState.ERROR, describe(status.getReason(), status.getMessage(),
                    "the pod failed"));
            default -> new Verdict(CloudState.UNKNOWN, null);
        };
    }

    static boolean isTerminal(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    private Optional<String> persistingFault(Pod pod, PodStatus status, Instant now) {
        Optional<PodCondition> unschedulable = condition(status, "PodScheduled")
                .filter(c -> "False".equals(c.getStatus()) && "Unschedulable".equals(c.getReason()));
        if (unschedulable.isPresent()) {
            Instant since = parse(unschedulable.get().getLastTransitionTime(), pod);
            return persisted(since, now) ? Optional.of(describe("Unschedulable", unschedulable.get().getMessage(), ""))
                    : Optional.empty();
        }
        for (ContainerStatus container : all(status)) {
            ContainerStateWaiting waiting = container.getState() == null ? null : container.getState().getWaiting();
            if (waiting != null && FAULTS.contains(waiting.getReason())) {
                // the pod became not ready when the trouble began (or was never ready since creation)
                Instant since = condition(status, "Ready").map(c -> parse(c.getLastTransitionTime(), pod))
                        .orElseGet(() -> parse(null, pod));
                return persisted(since, now) ? Optional.of(describe(waiting.getReason(), waiting.getMessage(), ""))
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private boolean persisted(Instant since, Instant now) {
        return since == null || !since.plus(faultGrace).isAfter(now);
    }

    private static boolean isReady(PodStatus status) {
        return condition(status, "Ready").map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    private static Optional<PodCondition> condition(PodStatus status, String type) {
        return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    private static List<ContainerStatus> all(PodStatus status) {
        return Stream.concat(status.getInitContainerStatuses().stream(),
                status.getContainerStatuses().stream()).toList();
    }

    /** A missing timestamp cannot prove the fault is fresh, so it counts as persisting. */
    private static Instant parse(String timestamp, Pod pod) {
        String value = timestamp != null ? timestamp : pod.getMetadata().getCreationTimestamp();
        return value == null ? null : Instant.parse(value);
    }

    private static String describe(String reason, String message, String fallback) {
        String head = reason == null || reason.isBlank() ? fallback : reason;
        return message == null || message.isBlank() ? head : head + ": " + message;
    }
}
