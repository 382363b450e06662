package io.vantage.etl.load;

import static io.vantage.etl.load.MergeSql.sync;
import static io.vantage.etl.load.MergeSql.upsert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vantage.etl.load.MergeSql.Column;
import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.Schema;

/**
 * Merges the checked staging tables into the portal's tables, in load order, inside the caller's transaction.
 * Only good rows are applied. A record absent from the export ends, with its reason; a record that was present but
 * rejected, and what is under it, is left exactly as it was ({@link Protection}). Only user-office data is written:
 * quotas, activity, PORTAL role grants, instances and everything else the portal owns are never in a statement.
 */
public final class Merger {

    private final Connection connection;
    private final Protection protection;
    private final String reason;
    private final Map<EntityType, Long> received;
    private final Map<EntityType, Ending> endings = new LinkedHashMap<>();

    /**
     * @param reason   why absent rows end, e.g. "absent from the export of 2026-03-14 (import #57)"
     * @param received rows read per entity (good, rejected and dropped copies)
     */
    public Merger(Connection connection, Protection protection, String reason, Map<EntityType, Long> received) {
        this.connection = connection;
        this.protection = protection;
        this.reason = reason;
        this.received = received;
    }

    /** What the ending of one kind came to: rows ended, and rows of the kind still active afterwards. */
    public record Ending(long ended, long stillActive, String blockedBecause) {
    }

    public Map<String, EntityCounts> merge(Set<EntityType> imported) throws SQLException {
        Map<String, EntityCounts> counts = new LinkedHashMap<>();
        // a table the planner believes empty would be rescanned for every staged row while it fills
        execute("set local enable_nestloop = off");
        for (EntityType entity : EntityType.values()) {
            if (imported.contains(entity)) {
                counts.put(entity.key(), merge(entity));
            }
        }
        execute("set local enable_nestloop = on");
        return counts;
    }

    /**
     * Instances, not deleted, owned by the people this run marked inactive. The import leaves them alone; the
     * run's report says so.
     */
    public long instancesOfInactivePeople() throws SQLException {
        Ending people = endings.get(EntityType.USERS);
        if (people == null || people.ended() == 0) {
            return 0;
        }
        // now() is the transaction's start: exactly the people marked inactive by this run
        return count("select count(*) from instances i join instance_members m on m.instance_id = i.id"
                + " and m.role = 'OWNER' join users u on u.id = m.user_id"
                + " where i.state <> 'DELETED' and u.inactive_since = now()");
    }

    /** Per kind that can end, in load order. */
    public Map<EntityType, Ending> endings() {
        return endings;
    }

    private EntityCounts merge(EntityType entity) throws SQLException {
        String stage = Staging.table(entity);
        long rejected = count("select count(*) from " + stage + " where _bad");
        long[] written = switch (entity) {
            case EMPLOYERS -> written(sync("employers", stage, List.of("id"), List.of(
                    col("name"), col("town"), col("country_code")), true));
            case USERS -> written(upsert("users", stage, List.of("id"), List.of(col("first_name"), col("last_name"),
                    col("email"), new Column("affiliation_id", "st.employer_id"),
                    new Column("source", "'USER_OFFICE'::varchar"), new Column("inactive_since", "null::timestamptz"),
                    new Column("inactive_reason", "null::varchar")), true));
            case ROLES -> RoleGrants.merge(connection, stage);
            case INSTRUMENTS -> {
                // names move aside first, so renames and swaps never meet the unique index half-way
                execute("update instruments t set name = chr(1) || st._row from " + stage + " st"
                        + " where st.id = t.id and not st._bad and t.name is distinct from st.name");
                yield written(sync("instruments", stage, List.of("id"), List.of(col("name")), true));
            }
            case INSTRUMENT_SCIENTISTS -> new long[] {update("insert into instrument_scientists (instrument_id,"
                    + " user_id) select s.instrument_id, s.user_id from " + stage + " s where not s._bad and not exists"
                    + " (select 1 from instrument_scientists t where t.instrument_id = s.instrument_id"
                    + " and t.user_id = s.user_id)"), 0};
            case PROPOSALS -> written(sync("proposals", stage, List.of("id"), List.of(col("title"), col("summary"),
                    col("doi"), col("public_at"), notEnded(), notEndedReason()), true));
            case EXPERIMENTS -> written(sync("experiments", stage, List.of("id"), List.of(col("proposal_id"),
                    col("instrument_id"), col("title"), col("start_date"), col("end_date"), col("doi"), notEnded(),
                    notEndedReason()), true));
            case EXPERIMENT_MEMBERS -> written(sync("experiment_users", stage, List.of("experiment_id", "user_id"),
                    List.of(col("role"), notEnded(), notEndedReason()), false));
        };
        long ended = endAbsent(entity, stage);
        long good = received.getOrDefault(entity, 0L) - rejected - dropped(entity);
        return new EntityCounts(received.getOrDefault(entity, 0L), written[0], written[1],
                good - written[0] - written[1], ended, received.getOrDefault(entity, 0L) - good);
    }

    private long dropped(EntityType entity) throws SQLException {
        return received.getOrDefault(entity, 0L) - count("select count(*) from " + Staging.table(entity));
    }

    /** Ends what the export no longer lists; employers and instruments are left as they are. */
    private long endAbsent(EntityType entity, String stage) throws SQLException {
        if (entity == EntityType.EMPLOYERS || entity == EntityType.INSTRUMENTS) {
            return 0;
        }
        String blockedBecause = protection.endingBlocked(entity);
        if (blockedBecause != null) {
            endings.put(entity, new Ending(0, 0, blockedBecause));
            return 0;
        }
        List<String> key = Schema.key(entity);
        String kept = protection.notUnderKept(entity);
        String sql = switch (entity) {
            case USERS -> MergeSql.endAbsent("users", stage, key,
                    "inactive_since = now(), inactive_reason = ?, updated_at = now()",
                    "t.source = 'USER_OFFICE' and t.inactive_since is null", kept);
            case ROLES -> RoleGrants.expireAbsent(stage, kept);
            case INSTRUMENT_SCIENTISTS -> "delete from instrument_scientists t where not exists (select 1 from "
                    + stage + " s where s.instrument_id = t.instrument_id and s.user_id = t.user_id)" + kept;
            case PROPOSALS, EXPERIMENTS -> MergeSql.endAbsent(Tables.table(entity), stage, key,
                    "ended_at = now(), ended_reason = ?, updated_at = now()", "t.ended_at is null", kept);
            case EXPERIMENT_MEMBERS -> MergeSql.endAbsent("experiment_users", stage, key,
                    "ended_at = now(), ended_reason = ?", "t.ended_at is null", kept);
            default -> throw new IllegalStateException(entity + " does not end");
        };
        long ended;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (sql.contains("?")) {
                statement.setString(1, reason);
            }
            ended = statement.executeUpdate();
        }
        endings.put(entity, new Ending(ended, ended == 0 ? 0 : count(active(entity)), null));
        return ended;
    }

    /** Counts the rows of a kind that are active: what a share of ended rows is measured against. */
    private static String active(EntityType entity) {
        return switch (entity) {
            case USERS -> "select count(*) from users where source = 'USER_OFFICE' and inactive_since is null";
            case ROLES -> "select count(*) from user_roles where source = 'USER_OFFICE'"
                    + " and (expires_at is null or expires_at > now())";
            case INSTRUMENT_SCIENTISTS -> "select count(*) from instrument_scientists";
            default -> "select count(*) from " + Tables.table(entity) + " where ended_at is null";
        };
    }

    private long[] written(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    private static Column col(String name) {
        return new Column(name, "st." + name);
    }

    /** A row the user office lists again is no longer ended. */
    private static Column notEnded() {
        return new Column("ended_at", "null::timestamptz");
    }

    private static Column notEndedReason() {
        return new Column("ended_reason", "null::varchar");
    }

    private long count(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long update(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate(sql);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
