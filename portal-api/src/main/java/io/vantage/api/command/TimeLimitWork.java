package io.vantage.api.command;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderException;
import io.vantage.cloud.api.TimeLimits;

/**
 * Carries out a TIME_LIMIT command: the cloud is told to end the machine at the instance's end of life as it is now.
 * A refusal (only operators may lengthen a Slurm job's limit) leaves the instance's state alone: it is the command's
 * outcome, which the instance's pages show, and the lifetime's owner brings the end of life back to when the cloud
 * will end the machine, so warnings and the deletion come first.
 */
@Component
class TimeLimitWork {

    private static final Logger log = LoggerFactory.getLogger(TimeLimitWork.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final CommandOutcomes outcomes;

    TimeLimitWork(CommandOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    void execute(CommandContext command, CloudProvider provider) {
        Optional<TimeLimits> limits = provider.timeLimits();
        if (limits.isEmpty() || command.computeId() == null || command.terminationDate() == null
                || command.deleteRequested()) {
            outcomes.timeLimitSet(command.commandId(), command.instanceId(), limits.isEmpty()
                    ? "The cloud has no time limit of its own" : command.computeId() == null ? "No machine yet"
                    : command.terminationDate() == null ? "The instance has no end of life" : "Being deleted");
            return;
        }
        try {
            Instant end = limits.get().setEnd(command.computeId(), command.terminationDate());
            outcomes.timeLimitSet(command.commandId(), command.instanceId(), "The cloud ends the machine at "
                    + TIME.format(end) + ", with its end of life");
        } catch (CloudPermanentException e) {
            refused(command, e.getMessage(), machineEnd(limits.get(), command.computeId()));
        }
    }

    /** A time limit that could not be moved at all (the cloud did not answer, the provider is unusable). */
    void gaveUp(CommandContext command, String reason) {
        refused(command, reason, null);
    }

    private void refused(CommandContext command, String why, Instant machineEnd) {
        String until = command.terminationDate() == null ? "its end of life"
                : TIME.format(command.terminationDate());
        String problem = "The cloud would not let this instance run until " + until + ": " + why
                + (machineEnd == null ? ". It keeps the time limit it had."
                : ". The cloud ends it at " + TIME.format(machineEnd) + ", which is now its end of life.");
        log.info("Time limit of instance {} not moved: {}", command.uid(), problem);
        outcomes.timeLimitRefused(command.commandId(), command.instanceId(), problem, machineEnd);
    }

    private static Instant machineEnd(TimeLimits limits, String computeId) {
        try {
            return limits.end(computeId).orElse(null);
        } catch (CloudProviderException e) {
            return null;
        }
    }
}
