package io.vantage.api.command;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
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
 * Persisted commands, claimed with {@code FOR UPDATE SKIP LOCKED}: each runs on exactly one worker across all
 * replicas, commands of one instance run one at a time and in order, and a command whose worker died is taken over
 * once its lease has run out.
 */
@Component
public class CommandQueue {

    private static final String CLAIM = """
            update instance_commands
               set state = 'RUNNING', locked_by = ?, locked_until = now() + (? * interval '1 millisecond'),
                   attempts = attempts + 1, started_at = coalesce(started_at, now())
             where id = (
                   select c.id from instance_commands c
                    where ((c.state = 'PENDING' and c.next_attempt_at <= ?)
                           or (c.state = 'RUNNING' and c.locked_until < now()))
                      and c.id = (select min(o.id) from instance_commands o
                                   where o.instance_id = c.instance_id and o.state in ('PENDING', 'RUNNING'))
                    order by c.next_attempt_at, c.id
                    limit 1
                    for update skip locked)
            returning id
            """;

    private final InstanceCommandRepository commands;
    private final JdbcTemplate jdbc;
    private final CommandProperties properties;
    private final Clock clock;
    private volatile Runnable wakeUp = () -> { };

    CommandQueue(InstanceCommandRepository commands, JdbcTemplate jdbc, CommandProperties properties, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
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
        List<Long> ids = jdbc.queryForList(CLAIM, Long.class, worker, properties.lease().toMillis(),
                java.sql.Timestamp.from(clock.instant()));
        return ids.stream().findFirst();
    }

    public boolean hasWork(Long instanceId) {
        return commands.existsByInstanceIdAndStateIn(instanceId, List.of(CommandState.PENDING, CommandState.RUNNING));
    }

    void onEnqueue(Runnable wakeUp) {
        this.wakeUp = wakeUp;
    }
}
