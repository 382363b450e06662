package io.vantage.api.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.vantage.api.admin.OverviewQueries.Failure;
import io.vantage.api.admin.OverviewQueries.Launch;
import io.vantage.api.admin.OverviewQueries.Sweep;

/** Counts and recent events for the admin dashboard, straight from SQL (aggregates, not entities). */
@Repository
class OverviewRepository {

    /** Live instances people use; machines of pre-warmed pools are counted apart ({@link #poolMachines}). */
    private static final String ALIVE = "i.state <> 'DELETED' and not i.pooled";

    private final JdbcTemplate jdbc;

    OverviewRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The orphan sweep's last reports, newest first. */
    List<Sweep> recentSweeps() {
        return jdbc.query("""
                select target_id, action, details, occurred_at from audit_events
                where action in ('orphan.delete', 'orphan.held') order by occurred_at desc, id desc limit 10""",
                (rs, n) -> new Sweep(rs.getString(1), rs.getString(2).equals("orphan.held"), rs.getString(3),
                        rs.getTimestamp(4).toInstant()));
    }

    Map<String, Long> byState() {
        return counts("select i.state, count(*) from instances i where " + ALIVE + " group by i.state order by 1");
    }

    Map<String, Long> byProvider() {
        return counts("select p.name, count(*) from instances i join cloud_providers p on p.id = i.provider_id where "
                + ALIVE + " group by p.name order by 1");
    }

    Map<String, Long> byImage() {
        return counts("""
                select concat_ws(' ', im.name, im.version), count(*) from instances i
                join plans pl on pl.id = i.plan_id join images im on im.id = pl.image_id
                where %s group by im.id, im.name, im.version order by 1""".formatted(ALIVE));
    }

    Map<String, Long> byFlavour() {
        return counts("""
                select f.name, count(*) from instances i
                join plans pl on pl.id = i.plan_id join flavours f on f.id = pl.flavour_id
                where %s group by f.id, f.name order by 1""".formatted(ALIVE));
    }

    /** Machines of pre-warmed pools: {@code ready} (ACTIVE) and {@code warming} (on their way), all plans together. */
    Map<String, Long> poolMachines() {
        Map<String, Long> counts = new LinkedHashMap<>(Map.of("ready", 0L, "warming", 0L));
        counts.putAll(counts("""
                select case when state = 'ACTIVE' then 'ready' else 'warming' end, count(*) from instances
                where pooled and state not in ('DELETED', 'DELETING', 'ERROR', 'UNKNOWN') group by 1"""));
        return counts;
    }

    long activeSessions() {
        return jdbc.queryForObject("select count(*) from instance_sessions where active", Long.class);
    }

    List<Launch> recentLaunches() {
        return jdbc.query("""
                select i.uid, i.name, i.state, u.id, concat_ws(' ', u.first_name, u.last_name), i.created_at
                from instances i
                join instance_members m on m.instance_id = i.id and m.role = 'OWNER'
                join users u on u.id = m.user_id
                order by i.created_at desc, i.id desc limit 10""",
                (rs, n) -> new Launch(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()));
    }

    List<Failure> recentFailures() {
        return jdbc.query("""
                select c.id, i.uid, c.type, c.actor_id, c.message, c.finished_at
                from instance_commands c join instances i on i.id = c.instance_id
                where c.state = 'FAILED'
                order by c.finished_at desc nulls last, c.id desc limit 10""",
                (rs, n) -> new Failure(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()));
    }

    private Map<String, Long> counts(String sql) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }
}
