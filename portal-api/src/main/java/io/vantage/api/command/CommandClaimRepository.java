package io.vantage.api.command;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Claims commands with {@code FOR UPDATE SKIP LOCKED}: each runs on exactly one worker across all replicas,
 * commands of one instance run one at a time and in order, and a command whose worker died is taken over once its
 * lease has run out.
 */
@Repository
class CommandClaimRepository {

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

    private final JdbcTemplate jdbc;

    CommandClaimRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The id of the command claimed for {@code worker} for {@code leaseMillis}, if one was due at {@code now}. */
    Optional<Long> claimNext(String worker, long leaseMillis, Instant now) {
        List<Long> ids = jdbc.queryForList(CLAIM, Long.class, worker, leaseMillis, java.sql.Timestamp.from(now));
        return ids.stream().findFirst();
    }
}
