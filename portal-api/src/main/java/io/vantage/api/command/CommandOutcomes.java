package io.vantage.api.command;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceCommand;
import io.vantage.domain.instance.InstanceCommandRepository;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.InstanceState;

/** Records how a command ended, on the command (the instance's history) and on the instance, in one transaction. */
@Component
class CommandOutcomes {

    private final InstanceCommandRepository commands;
    private final InstanceRepository instances;
    private final Clock clock;

    CommandOutcomes(InstanceCommandRepository commands, InstanceRepository instances, Clock clock) {
        this.commands = commands;
        this.instances = instances;
        this.clock = clock;
    }

    @Transactional
    void created(Long commandId, Long instanceId, String computeId, String message) {
        Instance instance = instances.findById(instanceId).orElseThrow();
        instance.markCreated(computeId);
        instances.save(instance);
        succeed(commandId, message);
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

    private void succeed(Long commandId, String message) {
        InstanceCommand command = commands.findById(commandId).orElseThrow();
        command.succeed(message, clock.instant());
    }
}
