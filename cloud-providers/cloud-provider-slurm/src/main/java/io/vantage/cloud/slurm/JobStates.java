package io.vantage.cloud.slurm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudState;

/**
 * What a job's state means for the portal, with a detail a person can act on: a pending job shows its place in the
 * queue, Slurm's reason and expected start (never a silent wait); a running job is RUNNING once its server has
 * reported its port; an ended job is DELETED (cancelled, time limit) or ERROR with the reason (failed, node failure).
 */
final class JobStates {

    /** Reasons for which Slurm keeps a job pending that will never start without a person changing something. */
    static final Set<String> NEVER_STARTS = Set.of("BadConstraints", "PartitionConfig", "PartitionNodeLimit",
            "PartitionTimeLimit", "InvalidAccount", "InvalidQOS", "DependencyNeverSatisfied", "AccountNotAllowed",
            "QOSNotAllowed");

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("Resources", "the nodes it needs are busy"),
            Map.entry("Priority", "jobs with a higher priority are ahead of it"),
            Map.entry("Dependency", "it waits for another job"),
            Map.entry("BeginTime", "its start time has not come"),
            Map.entry("JobHeldUser", "its user holds it"),
            Map.entry("JobHeldAdmin", "an administrator holds it"),
            Map.entry("PartitionDown", "the partition is down"),
            Map.entry("PartitionInactive", "the partition is inactive"),
            Map.entry("ReqNodeNotAvail", "the nodes it needs are down, drained or reserved"),
            Map.entry("NodeDown", "a node it needs is down"),
            Map.entry("Reservation", "it waits for its reservation"),
            Map.entry("Licenses", "it waits for licences"),
            Map.entry("PartitionTimeLimit", "its time limit is above the partition's maximum"),
            Map.entry("PartitionNodeLimit", "it asks for more than the partition's nodes offer"),
            Map.entry("BadConstraints", "no node has the features it asks for"),
            Map.entry("InvalidAccount", "its account is not valid"),
            Map.entry("InvalidQOS", "its QoS is not valid"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;

    JobStates(Clock clock) {
        this.clock = clock;
    }

    /** @param address the node's address when the job has one, for the portal to connect to */
    CloudInstance of(SlurmJob job, Queue queue, Optional<String> address) {
        Map<String, String> tags = JobComment.parse(job.comment());
        boolean ported = !JobComment.ports(tags.get(JobComment.PORTS)).isEmpty();
        CloudState state;
        String fault = null;
        String detail;
        switch (job.state()) {
            case "PENDING", "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED", "RESV_DEL_HOLD" -> {
                detail = pending(job, queue);
                boolean never = job.reasonIfAny() != null && NEVER_STARTS.contains(job.reasonIfAny());
                state = never ? CloudState.ERROR : CloudState.BUILDING;
                fault = never ? "Slurm will never start this job: " + detail : null;
            }
            case "CONFIGURING" -> {
                state = CloudState.STARTING;
                detail = "Slurm is preparing the job's node" + on(job);
            }
            case "RUNNING" -> {
                state = ported ? CloudState.RUNNING : CloudState.STARTING;
                detail = ported ? "Running" + on(job) + ends(job)
                        : "Running" + on(job) + " since " + format(job.startTime()) + "; its server is starting";
            }
            case "SUSPENDED" -> {
                state = CloudState.STOPPED;
                detail = "Slurm suspended the job" + reason(job);
            }
            case "COMPLETING", "STAGE_OUT", "SIGNALING" -> {
                state = CloudState.DELETING;
                detail = "The job is ending";
            }
            case "CANCELLED" -> {
                state = CloudState.DELETED;
                detail = "The job was cancelled" + at(job.endTime());
            }
            case "TIMEOUT", "DEADLINE" -> {
                state = CloudState.DELETED;
                detail = "The job reached its time limit" + at(job.endTime());
            }
            case "COMPLETED" -> {
                state = CloudState.DELETED;
                detail = "The job ended" + at(job.endTime()) + errorOf(tags, "");
            }
            default -> {
                state = job.hasEnded() ? CloudState.ERROR : CloudState.UNKNOWN;
                fault = state == CloudState.ERROR ? ended(job, tags) : "Slurm reports state " + job.state();
                detail = fault;
            }
        }
        List<String> addresses = address.filter(a -> state != CloudState.BUILDING).map(List::of).orElse(List.of());
        return new CloudInstance(job.id(), job.name(), state, fault, addresses, tags, job.submitTime(), detail);
    }

    private String pending(SlurmJob job, Queue queue) {
        StringBuilder text = new StringBuilder("Waiting in Slurm's queue");
        queue.place(job).ifPresent(place -> text.append(": ").append(ordinal(place.position())).append(" of ")
                .append(place.waiting()).append(" waiting"));
        if (job.partition() != null) {
            text.append(" in partition ").append(job.partition());
        }
        text.append('.');
        if (job.reasonIfAny() != null) {
            text.append(" Slurm's reason: ").append(job.reasonIfAny());
            String meaning = REASONS.get(job.reasonIfAny());
            text.append(meaning == null ? "" : " (" + meaning + ")").append('.');
        }
        Instant start = job.startTime();
        if (start != null && start.isAfter(clock.instant())) {
            text.append(" Expected start: ").append(format(start)).append(" (in ")
                    .append(human(Duration.between(clock.instant(), start))).append(").");
        } else {
            text.append(" Slurm has no start estimate yet.");
        }
        return text.toString();
    }

    private static String ended(SlurmJob job, Map<String, String> tags) {
        String what = switch (job.state()) {
            case "NODE_FAIL" -> "Its node failed";
            case "BOOT_FAIL" -> "Its node failed to boot";
            case "OUT_OF_MEMORY" -> "It ran out of memory";
            case "PREEMPTED" -> "A job with a higher priority preempted it";
            default -> "The job failed" + (job.exit() == null ? "" : " (" + job.exit() + ")");
        };
        return what + at(job.endTime()) + reason(job) + errorOf(tags, "");
    }

    private static String errorOf(Map<String, String> tags, String none) {
        String error = tags.get(JobComment.ERROR);
        return error == null || error.isBlank() ? none : ": " + error.strip();
    }

    private static String reason(SlurmJob job) {
        return job.reasonIfAny() == null ? "" : " (Slurm's reason: " + job.reasonIfAny() + ")";
    }

    private static String on(SlurmJob job) {
        return job.batchHost() == null ? "" : " on node " + job.batchHost();
    }

    private static String ends(SlurmJob job) {
        return job.endTime() == null ? "" : "; Slurm ends it at " + format(job.endTime()) + " (its time limit)";
    }

    private static String at(Instant time) {
        return time == null ? "" : " at " + format(time);
    }

    private static String format(Instant time) {
        return time == null ? "an unknown time" : TIME.format(time);
    }

    static String ordinal(int n) {
        String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }

    static String human(Duration duration) {
        long minutes = Math.max(1, (duration.toSeconds() + 59) / 60);
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        return hours < 48 ? hours + " h " + (minutes % 60) + " min" : (hours / 24) + " days";
    }
}
