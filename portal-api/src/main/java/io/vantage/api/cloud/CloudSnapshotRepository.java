package io.vantage.api.cloud;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.vantage.cloud.api.CloudLimits;
import io.vantage.cloud.api.ProviderHealth;

/** The clouds' last answers ({@code cloud_provider_snapshots}) and the portal's own use of each cloud. */
@Repository
public class CloudSnapshotRepository {

    /** Instances that hold, or are about to hold, a machine: all but deleted ones and failed ones without one. */
    private static final String HOLDING = "i.state <> 'DELETED' and not (i.state = 'ERROR' and i.compute_id is null)";
    private static final String USE = """
            count(i.id), coalesce(sum(f.cpu), 0), coalesce(sum(f.memory_mib), 0), coalesce(sum(f.gpu), 0)
            from instances i join plans p on p.id = i.plan_id join flavours f on f.id = p.flavour_id""";

    private final JdbcTemplate jdbc;

    CloudSnapshotRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CloudSnapshot> find(Long providerId) {
        return jdbc.query("select * from cloud_provider_snapshots where provider_id = ?",
                CloudSnapshotRepository::snapshot, providerId).stream().findFirst();
    }

    public Map<Long, CloudSnapshot> all() {
        Map<Long, CloudSnapshot> all = new LinkedHashMap<>();
        jdbc.query("select * from cloud_provider_snapshots", rs -> {
            CloudSnapshot snapshot = snapshot(rs, 0);
            all.put(snapshot.providerId(), snapshot);
        });
        return all;
    }

    /**
     * What the portal's instances on this cloud hold now, those being created included: what a launch adds to the
     * others' use. Call in the launch's transaction, after locking the provider row.
     */
    public Resources portalUse(Long providerId) {
        return jdbc.queryForObject("select " + USE + " where i.provider_id = ? and " + HOLDING,
                CloudSnapshotRepository::resources, providerId);
    }

    /**
     * Serialises launches on one cloud until the caller's transaction ends, so that each sees the instances the
     * previous ones reserved. ({@code no key update}: rows that merely refer to the provider are not held up.)
     */
    public void lockForLaunch(Long providerId) {
        jdbc.queryForList("select id from cloud_providers where id = ? for no key update", Long.class, providerId);
    }

    /** When the next live instance on this cloud is due to be deleted (lifetime or inactivity), if any is. */
    public Optional<Instant> nextPlannedDeletion(Long providerId) {
        return Optional.ofNullable(jdbc.queryForObject("""
                select min(e.expires_at) from instance_expirations e join instances i on i.id = e.instance_id
                where i.provider_id = ? and i.state <> 'DELETED'""", Timestamp.class, providerId))
                .map(Timestamp::toInstant);
    }

    /** How many of the portal's instances on this cloud are being deleted right now. */
    public int beingDeleted(Long providerId) {
        Integer count = jdbc.queryForObject("select count(*) from instances where provider_id = ? and state = 'DELETING'",
                Integer.class, providerId);
        return count == null ? 0 : count;
    }

    void saveHealth(Long providerId, Instant at, ProviderHealth health) {
        jdbc.update("""
                insert into cloud_provider_snapshots (provider_id, checked_at, up, message, latency_ms)
                values (?, ?, ?, ?, ?)
                on conflict (provider_id) do update set checked_at = excluded.checked_at, up = excluded.up,
                    message = excluded.message, latency_ms = excluded.latency_ms""",
                providerId, Timestamp.from(at), health.up(), cut(health.message()),
                health.latency() == null ? null : health.latency().toMillis());
    }

    /** The limits as read now, with the portal's machines counted in the same statement. */
    void saveLimits(Long providerId, Instant at, CloudLimits limits) {
        jdbc.update("""
                insert into cloud_provider_snapshots (provider_id, checked_at, up, limits_at, limits_problem,
                    max_instances, max_vcpu, max_memory_mib, max_gpu,
                    used_instances, used_vcpu, used_memory_mib, used_gpu,
                    counted_instances, counted_vcpu, counted_memory_mib, counted_gpu)
                select ?, ?, true, ?, null, ?, ?, ?, ?, ?, ?, ?, ?,
                """ + USE + " where i.provider_id = ? and i.state <> 'DELETED' and i.compute_id is not null" + """

                on conflict (provider_id) do update set limits_at = excluded.limits_at, limits_problem = null,
                    max_instances = excluded.max_instances, max_vcpu = excluded.max_vcpu,
                    max_memory_mib = excluded.max_memory_mib, max_gpu = excluded.max_gpu,
                    used_instances = excluded.used_instances, used_vcpu = excluded.used_vcpu,
                    used_memory_mib = excluded.used_memory_mib, used_gpu = excluded.used_gpu,
                    counted_instances = excluded.counted_instances, counted_vcpu = excluded.counted_vcpu,
                    counted_memory_mib = excluded.counted_memory_mib, counted_gpu = excluded.counted_gpu""",
                providerId, Timestamp.from(at), Timestamp.from(at), limits.maxInstances(), limits.maxVcpu(),
                limits.maxMemoryMib(), limits.maxGpu(), limits.usedInstances(), limits.usedVcpu(),
                limits.usedMemoryMib(), limits.usedGpu(), providerId);
    }

    void saveLimitsProblem(Long providerId, Instant at, String problem) {
        jdbc.update("""
                insert into cloud_provider_snapshots (provider_id, checked_at, up, limits_problem) values (?, ?, false, ?)
                on conflict (provider_id) do update set limits_problem = excluded.limits_problem""",
                providerId, Timestamp.from(at), cut(problem));
    }

    private static String cut(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }

    private static Resources resources(ResultSet rs, int row) throws SQLException {
        return new Resources(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4));
    }

    private static CloudSnapshot snapshot(ResultSet rs, int row) throws SQLException {
        Timestamp limitsAt = rs.getTimestamp("limits_at");
        CloudLimits limits = limitsAt == null ? null : new CloudLimits(integer(rs, "max_instances"),
                integer(rs, "max_vcpu"), integer(rs, "max_memory_mib"), integer(rs, "max_gpu"),
                rs.getInt("used_instances"), rs.getInt("used_vcpu"), rs.getInt("used_memory_mib"),
                rs.getInt("used_gpu"));
        Long latency = rs.getObject("latency_ms", Long.class);
        return new CloudSnapshot(rs.getLong("provider_id"), rs.getTimestamp("checked_at").toInstant(),
                rs.getBoolean("up"), rs.getString("message"), latency,
                limitsAt == null ? null : limitsAt.toInstant(), rs.getString("limits_problem"), limits,
                new Resources(rs.getInt("counted_instances"), rs.getInt("counted_vcpu"),
                        rs.getInt("counted_memory_mib"), rs.getInt("counted_gpu")));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
