package io.vantage.api.command;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.vantage.domain.instance.CommandState;
import io.vantage.domain.instance.CommandType;
import io.vantage.domain.instance.InstanceCommand;
import io.vantage.domain.instance.InstanceCommandRepository;

/**
 * Persisted commands, claimed with {@code FOR UPDATE SKIP LOCKED} ({@link CommandClaimRepository}): each runs on
 * exactly one worker across all replicas, commands of one instance run one at a time and in order, and a command
 * whose worker died is taken over once its lease has run out.
 */
@Component
public class CommandQueue {

    private final InstanceCommandRepository commands;
    private final CommandClaimRepository claims;
    private final CommandProperties properties;
    private final Clock clock;
    private volatile Runnable wakeUp = () -> { };

    CommandQueue(InstanceCommandRepository commands, CommandClaimRepository claims, CommandProperties properties,
                 Clock clock) {
        this.commands = commands;
        this.claims = claims;
        this.properties = properties;
        this.clock = clock;
    }

    /** Queues a command in the caller's transaction; local workers are woken once it commits. */
    @Transactional(propagation = Propagation.MANDATORY)
    public InstanceCommand enqueue(Long instanceId, CommandType type, String actorId) {
        InstanceCommand command = commands.save(new InstanceCommand(instanceId, type, actorId, clock.instant()));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeUp.run();
            }
        });
        return command;
    }

    /** Claims the next command due, if any, for {@code worker}. Runs in its own short transaction. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Long> claim(String worker) {
        // due by the portal's clock, the one that set next_attempt_at (leases stay on the database's: they are
        // about replicas dying, whatever their clocks say)
        return claims.claimNext(worker, properties.lease().toMillis(), clock.instant());
    }

    public boolean hasWork(Long instanceId) {
        return commands.existsByInstanceIdAndStateIn(instanceId, List.of(CommandState.PENDING, CommandState.RUNNING));
    }

    void onEnqueue(Runnable wakeUp) {
        this.wakeUp = wakeUp;
    }
}
