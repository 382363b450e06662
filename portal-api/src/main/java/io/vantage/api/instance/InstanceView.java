package io.vantage.api.instance;

import java.time.Instant;
import java.util.List;

/**
 * An instance as its members (and admins) see it. Never carries secrets.
 *
 * @param stateReason      why it is in its state, in the cloud's words where it has some (a batch job's place in the
 *                         queue and expected start while it waits; "reached its time limit" after it ended)
 * @param timeLimitProblem why the cloud will not run it until its end of life (a Slurm job's limit that only operators
 *                         may lengthen); null when the cloud's own limit, if any, follows the end of life
 */
public record InstanceView(String uid, String name, String comments, String state, String stateReason,
                           Person owner, String myRole, Environment environment, Size size,
                           List<String> experiments, String screen, String keyboardLayout, Instant createdAt,
                           Instant activatedAt, Instant lastInteractionAt, Instant terminationDate, Expiry expiry,
                           Actions actions, String timeLimitProblem) {

    public record Person(String id, String name) {
    }

    public record Environment(Long imageId, String name, String version, String icon, List<String> protocols,
                              String defaultProtocol) {
    }

    public record Size(Long flavourId, String name, int cpu, int memoryMib, int gpu) {
    }

    /** The next planned deletion: when and why. */
    public record Expiry(String reason, Instant at) {
    }

    /**
     * What the viewer may do, so clients show only the buttons that work.
     *
     * @param control   may start, stop and reboot, where the cloud can
     * @param stopStart the instance's cloud can stop and start machines
     * @param reboot    the instance's cloud can reboot machines
     */
    public record Actions(boolean connect, boolean control, boolean delete, boolean share, boolean stopStart,
                          boolean reboot) {
    }
}
