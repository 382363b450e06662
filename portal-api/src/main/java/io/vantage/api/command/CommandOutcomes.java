package io.vantage.api.command;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceCommand;
import io.vantage.domain.instance.InstanceCommandRepository;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.InstanceState;
import io.vantage.domain.instance.InstanceStateChanged;
import io.vantage.domain.instance.InstanceTimeLimitRefused;

/** Records how a command ended, on the command (the instance's history) and on the instance, in one transaction. */
@Component
class CommandOutcomes {

    private final InstanceCommandRepository commands;
    private final InstanceRepository instances;
    private final TimeLimitCommands timeLimits;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommandOutcomes(InstanceCommandRepository commands, InstanceRepository instances, TimeLimitCommands timeLimits,
                    ApplicationEventPublisher events, Clock clock) {
        this.commands = commands;
        this.instances = instances;
        this.timeLimits = timeLimits;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    void created(Long commandId, Long instanceId, String computeId, String message) {
        Instance instance = instances.findById(instanceId).orElseThrow();
        instance.markCreated(computeId);
        instances.save(instance);
        if (instance.getTerminationDate() != null) {
            timeLimits.queueFor(instanceId, instance.getProvider().getId());
        }
        succeed(commandId, message);
    }

    /** The cloud's own time limit follows the end of life again: pages drop a refusal they showed. */
    @Transactional
    void timeLimitSet(Long commandId, Long instanceId, String message) {
        succeed(commandId, message);
        shownChanged(instanceId);
    }

    /**
     * The cloud would not move its time limit. The instance keeps its state (nothing is broken); the refusal is the
     * command's outcome, which pages show, and the lifetime's owner hears of it once this commits.
     */
    @Transactional
    void timeLimitRefused(Long commandId, Long instanceId, String problem, Instant machineEnd) {
        commands.findById(commandId).orElseThrow().fail(problem, clock.instant());
        Instance instance = shownChanged(instanceId);
        events.publishEvent(new InstanceTimeLimitRefused(instanceId, instance.getUid(), machineEnd, problem,
                clock.instant()));
    }

    /**
     * The machine serves with its owner's settings: the instance is ACTIVE at once (the provider's hand-over returns
     * only then, and the machine answered before as a pool's), and the pool secret is forgotten.
     */
    @Transactional
    void handedOver(Long commandId, Long instanceId, String ip, String message) {
        Instance instance = instances.findById(instanceId).orElseThrow();
        if (instance.getState() == InstanceState.STARTING) {
            instance.handedOver(ip, clock.instant());
            instances.save(instance);
        }
        succeed(commandId, message);
    }

    @Transactional
    void deleted(Long commandId, Long instanceId, String message) {
        Instance instance = instances.findById(instanceId).orElseThrow();
        if (instance.getState() != InstanceState.DELETED) {
            instance.markDeleted(clock.instant());
            instances.save(instance);
        }
        succeed(commandId, message);
    }

    @Transactional
    void succeeded(Long commandId, String message) {
        succeed(commandId, message);
    }

    @Transactional
    void cancelled(Long commandId, String message) {
        commands.findById(commandId).orElseThrow().cancel(message, clock.instant());
    }

    /** A transient failure: try again later and say so on the instance, without pretending it broke. */
    @Transactional
    void retryLater(Long commandId, Long instanceId, Instant when, String reason) {
        commands.findById(commandId).orElseThrow().retryAt(when, reason);
        Instance instance = instances.findById(instanceId).orElseThrow();
        instance.explain(reason);
        instances.save(instance);
    }

    /** The command cannot succeed: the instance goes to ERROR with the reason a person can read. */
    @Transactional
    void failed(Long commandId, Long instanceId, String reason) {
        commands.findById(commandId).orElseThrow().fail(reason, clock.instant());
        Instance instance = instances.findById(instanceId).orElseThrow();
        if (instance.getState() != InstanceState.DELETED) {
            instance.markError(reason, clock.instant());
            instances.save(instance);
        }
    }

    /** A failure that leaves the machine as it was (data for an added experiment): only the command says so. */
    @Transactional
    void failedAlone(Long commandId, String reason) {
        commands.findById(commandId).orElseThrow().fail(reason, clock.instant());
    }

    /** Open pages of the instance refresh (what they show changed, not its state). */
    private Instance shownChanged(Long instanceId) {
        Instance instance = instances.findById(instanceId).orElseThrow();
        events.publishEvent(new InstanceStateChanged(instanceId, instance.getUid(), instance.getState(),
                instance.getState(), instance.getStateReason(), clock.instant()));
        return instance;
    }

    private void succeed(Long commandId, String message) {
        InstanceCommand command = commands.findById(commandId).orElseThrow();
        command.succeed(message, clock.instant());
    }
}
