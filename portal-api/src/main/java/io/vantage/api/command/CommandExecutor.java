package io.vantage.api.command;

import java.time.Clock;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.vantage.api.cloud.ProviderRegistry;
import io.vantage.api.cloud.ProviderUnavailableException;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.CloudTransientException;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.DataAttachment;
import io.vantage.domain.instance.CommandType;

/**
 * Carries out one claimed command against the cloud. Every command is safe to run again after a crash or a lost
 * answer: a create tried before looks the machine up by the instance uid (one filtered query) and adopts it, a delete
 * with no recorded machine looks it up the same way, and start/stop first look at what the machine is doing.
 */
@Component
class CommandExecutor {

    private static final Logger log = LoggerFactory.getLogger(CommandExecutor.class);

    private final CommandContexts contexts;
    private final CommandOutcomes outcomes;
    private final TimeLimitWork timeLimits;
    private final HandOvers handOvers;
    private final ProviderRegistry providers;
    private final CommandProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    CommandExecutor(CommandContexts contexts, CommandOutcomes outcomes, TimeLimitWork timeLimits, HandOvers handOvers,
                    ProviderRegistry providers, CommandProperties properties, MeterRegistry meters, Clock clock) {
        this.contexts = contexts;
        this.outcomes = outcomes;
        this.timeLimits = timeLimits;
        this.handOvers = handOvers;
        this.providers = providers;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
    }

    void execute(Long commandId) {
        Optional<CommandContext> loaded = contexts.load(commandId);
        if (loaded.isEmpty()) {
            return;
        }
        CommandContext command = loaded.get();
        String what = switch (command.type()) {
            case HANDOVER -> "hand over";
            case TIME_LIMIT -> "move the time limit of";
            default -> command.type().name().toLowerCase();
        };
        try {
            CloudProvider provider = providers.require(command.providerId());
            if (command.type() == CommandType.HANDOVER) {
                handOvers.handOver(command, provider);
            } else {
                run(command, provider);
            }
            meters.counter("vantage.commands", "type", command.type().name(), "outcome", "success").increment();
        } catch (CloudTransientException e) {
            if (command.attempts() < properties.maxAttempts()) {
                log.info("Command {} {} of {} will be retried: {}", command.commandId(), what, command.uid(), e.getMessage());
                outcomes.retryLater(commandId, command.instanceId(),
                        clock.instant().plus(properties.backoffAfter(command.attempts())),
                        "The cloud did not answer (" + e.getMessage() + "); trying again.");
            } else {
                fail(command, "Could not " + what + " the instance: the cloud did not answer after "
                        + command.attempts() + " attempts (" + e.getMessage() + ")");
            }
        } catch (CloudPermanentException | ProviderUnavailableException e) {
            fail(command, "Could not " + what + " the instance: " + e.getMessage());
        }
    }

    private void fail(CommandContext command, String reason) {
        log.warn("Command {} failed for instance {}: {}", command.commandId(), command.uid(), reason);
        meters.counter("vantage.commands", "type", command.type().name(), "outcome", "failure").increment();
        if (command.type() == CommandType.ATTACH_DATA) {
            outcomes.failedAlone(command.commandId(), reason);
        } else if (command.type() == CommandType.TIME_LIMIT) {
            timeLimits.gaveUp(command, reason); // the machine is fine; only its end did not move
        } else {
            outcomes.failed(command.commandId(), command.instanceId(), reason);
        }
    }

    private void run(CommandContext command, CloudProvider provider) {
        Compute compute = provider.compute();
        switch (command.type()) {
            case CREATE -> create(command, compute);
            case START -> {
                if (current(command, compute).filter(m -> m.state() == CloudState.RUNNING).isEmpty()) {
                    compute.start(requireMachine(command));
                }
                outcomes.succeeded(command.commandId(), "Started");
            }
            case STOP -> {
                if (current(command, compute).filter(m -> m.state() == CloudState.STOPPED).isEmpty()) {
                    compute.stop(requireMachine(command));
                }
                outcomes.succeeded(command.commandId(), "Stopped");
            }
            case REBOOT -> {
                compute.reboot(requireMachine(command));
                outcomes.succeeded(command.commandId(), "Rebooted");
            }
            case DELETE -> delete(command, compute);
            case SYNC, HANDOVER -> outcomes.succeeded(command.commandId(), "Synchronised");
            case ATTACH_DATA -> attach(command, compute);
            case TIME_LIMIT -> timeLimits.execute(command, provider);
        }
    }

    private void create(CommandContext command, Compute compute) {
        if (command.deleteRequested()) {
            outcomes.cancelled(command.commandId(), "Not created: the instance was deleted first");
            return;
        }
        if (command.computeId() != null) {
            outcomes.succeeded(command.commandId(), "Already created as " + command.computeId());
            return;
        }
        // A retry or a take-over may find the machine an earlier attempt created before its answer was lost.
        Optional<CloudInstance> existing = command.attempts() > 1 ? compute.findByInstanceUid(command.uid())
                : Optional.empty();
        requireData(command);
        CloudInstance machine = existing.orElseGet(() -> compute.create(new CreateInstanceRequest(command.name(),
                command.imageId(), command.flavourId(), java.util.List.of(), command.securityGroups(),
                command.metadata(), command.userData(), command.dataMounts())));
        outcomes.created(command.commandId(), command.instanceId(), machine.computeId(),
                (existing.isPresent() ? "Adopted machine " : "Created machine ") + machine.computeId());
    }

    /**
     * An experiment was added: the machine gets all its folders again. Before its machine exists, the create that
     * is queued first reads the folders when it runs, so there is nothing to do.
     */
    private void attach(CommandContext command, Compute compute) {
        requireData(command);
        if (command.computeId() == null) {
            outcomes.succeeded(command.commandId(), "The data folders come with the machine");
            return;
        }
        String folders = String.join(", ", command.dataMounts().stream().map(m -> "~/" + m.folder()).toList());
        DataAttachment attached = compute.applyDataMounts(command.computeId(), command.dataMounts());
        outcomes.succeeded(command.commandId(), switch (attached) {
            case APPLIED -> "Data folders ready: " + folders;
            case AFTER_RESTART -> "Data folders " + folders + " are readable after the instance is restarted "
                    + "(reboot, or stop and start)";
            case UNSUPPORTED -> "This cloud cannot change the data of an existing machine: the new experiment's data "
                    + "appears only in an instance launched with it";
        });
    }

    static void requireData(CommandContext command) {
        if (command.dataProblem() != null) {
            throw new CloudPermanentException(command.dataProblem());
        }
    }

    /** With no machine recorded (a create whose outcome was never known), the machine is looked up by uid. */
    private void delete(CommandContext command, Compute compute) {
        Optional<CloudInstance> machine = command.computeId() == null ? compute.findByInstanceUid(command.uid())
                : compute.get(command.computeId());
        if (machine.isPresent()) {
            if (compute.requiresStopBeforeDelete() && machine.get().state() == CloudState.RUNNING) {
                compute.stop(machine.get().computeId());
            }
            compute.delete(machine.get().computeId());
        }
        outcomes.deleted(command.commandId(), command.instanceId(), machine.isEmpty() ? "Nothing to delete"
                : command.computeId() == null ? "Deleted machine " + machine.get().computeId()
                + ", found by the instance uid" : "Deleted");
    }

    private Optional<CloudInstance> current(CommandContext command, Compute compute) {
        return command.computeId() == null ? Optional.empty() : compute.get(command.computeId());
    }

    private static String requireMachine(CommandContext command) {
        if (command.computeId() == null) {
            throw new CloudPermanentException("the instance has no machine in the cloud yet");
        }
        return command.computeId();
    }
}
