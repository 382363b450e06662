package io.vantage.etl.load;

import static io.vantage.etl.load.MergeSql.upsert;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Merger.class);

    private final Connection connection;
    private final Protection protection;
    private final String reason;
    private final Map<EntityType, Long> received;
    private final Map<EntityType, Long> rejected;
    private final Map<EntityType, Ending> endings = new LinkedHashMap<>();

    /**
     * @param reason   why absent rows end, e.g. "absent from the export of 2026-03-14 (import #57)"
     * @param received rows read per entity (good, rejected and dropped copies)
     * @param rejected rows per entity that are not applied (rejected, or identical copies dropped)
     */
    public Merger(Connection connection, Protection protection, String reason, Map<EntityType, Long> received,
                  Map<EntityType, Long> rejected) {
        this.connection = connection;
        this.protection = protection;
        this.reason = reason;
        this.received = received;
        this.rejected = rejected;
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
                long started = System.nanoTime();
                EntityCounts merged = merge(entity);
                counts.put(entity.key(), merged);
                log.info("{} merged in {} ms: {} new, {} updated, {} ended, {} unchanged, {} rejected", entity.key(),
                        (System.nanoTime() - started) / 1_000_000, merged.inserted(), merged.updated(), merged.ended(),
                        merged.unchanged(), merged.rejected());
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
        String table = Tables.table(entity);
        long[] written = switch (entity) {
            case EMPLOYERS -> written(sync(table, stage, Schema.key(entity), columns(entity), true, null));
            case USERS -> people(stage);
            case ROLES -> ended(entity, RoleGrants.merge(connection, stage), RoleGrants.expireAbsent(stage,
                    protection.notUnderKept(entity)));
            case INSTRUMENTS -> {
                // names move aside first, so renames and swaps never meet the unique index half-way
                execute("update instruments t set name = chr(1) || st._row from " + stage + " st"
                        + " where st.id = t.id and not st._bad and t.name is distinct from st.name");
                yield written(sync(table, stage, Schema.key(entity), columns(entity), true, null));
            }
            case INSTRUMENT_SCIENTISTS -> ended(entity, new long[] {update(RoleGrants.insertScientists(stage)), 0},
                    RoleGrants.removeScientists(stage, protection.notUnderKept(entity)));
            case PROPOSALS, EXPERIMENTS, EXPERIMENT_MEMBERS -> {
                boolean members = entity == EntityType.EXPERIMENT_MEMBERS;
                MergeSql.Ending end = protection.endingBlocked(entity) != null ? null : new MergeSql.Ending(
                        "ended_at = now(), ended_reason = ?" + (members ? "" : ", updated_at = now()"),
                        "t.ended_at is null", protection.notUnderKept(entity));
                yield ending(entity, written(sync(table, stage, Schema.key(entity), columns(entity), !members, end)));
            }
        };
        long all = received.getOrDefault(entity, 0L);
        long good = all - rejected.getOrDefault(entity, 0L);
        return new EntityCounts(all, written[0], written[1], good - written[0] - written[1], written[2], all - good);
    }

    /** The columns the import writes, besides the key; a row listed again is no longer ended. */
    private static List<Column> columns(EntityType entity) {
        return switch (entity) {
            case EMPLOYERS -> List.of(col("name"), col("town"), col("country_code"));
            case USERS -> List.of(col("first_name"), col("last_name"), col("email"),
                    new Column("affiliation_id", "st.employer_id"), new Column("source", "'USER_OFFICE'::varchar"),
                    new Column("inactive_since", "null::timestamptz"), new Column("inactive_reason", "null::varchar"));
            case INSTRUMENTS -> List.of(col("name"));
            case PROPOSALS -> List.of(col("title"), col("summary"), col("doi"), col("public_at"), notEnded(),
                    notEndedReason());
            case EXPERIMENTS -> List.of(col("proposal_id"), col("instrument_id"), col("title"), col("start_date"),
                    col("end_date"), col("doi"), notEnded(), notEndedReason());
            case EXPERIMENT_MEMBERS -> List.of(col("role"), notEnded(), notEndedReason());
            default -> throw new IllegalArgumentException(entity + " is merged on its own");
        };
    }

    /**
     * People: a plain insert of the new ones, unless someone signed in meanwhile and the portal created one of them
     * (then the upsert, which cannot collide). People the export no longer lists are marked inactive.
     */
    private long[] people(String stage) throws SQLException {
        List<Column> columns = columns(EntityType.USERS);
        Savepoint before = connection.setSavepoint();
        long[] written;
        try {
            written = written(sync("users", stage, List.of("id"), columns, true, null));
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            connection.rollback(before);
            long[] upserted = written(upsert("users", stage, List.of("id"), columns, true));
            written = new long[] {upserted[0], upserted[1], 0};
        }
        return ended(EntityType.USERS, written, MergeSql.endAbsent("users", stage, List.of("id"),
                "inactive_since = now(), inactive_reason = ?, updated_at = now()",
                "t.source = 'USER_OFFICE' and t.inactive_since is null", protection.notUnderKept(EntityType.USERS)));
    }

    /** Runs the separate ending statement of a kind (unless blocked) and records it. */
    private long[] ended(EntityType entity, long[] written, String endSql) throws SQLException {
        long ended = 0;
        if (protection.endingBlocked(entity) == null) {
            try (PreparedStatement statement = connection.prepareStatement(endSql)) {
                if (endSql.contains("?")) {
                    statement.setString(1, reason);
                }
                ended = statement.executeUpdate();
            }
        }
        return ending(entity, new long[] {written[0], written[1], ended});
    }

    /** Records what the ending of a kind came to; answers {@code written} as it is. */
    private long[] ending(EntityType entity, long[] written) throws SQLException {
        String blocked = protection.endingBlocked(entity);
        long ended = written[2];
        endings.put(entity, new Ending(ended, ended == 0 ? 0 : count(active(entity)), blocked));
        return written;
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

    /** {@link MergeSql#sync}, or {@link MergeSql#fill} when the table is empty. */
    private String sync(String table, String stage, List<String> key, List<Column> columns, boolean updatedAt,
                        MergeSql.Ending end) throws SQLException {
        boolean empty = count("select count(*) from (select 1 from " + table + " limit 1) t") == 0;
        return empty ? MergeSql.fill(table, stage, key, columns) : MergeSql.sync(table, stage, key, columns, updatedAt,
                end);
    }

    /** Runs a merge statement; answers {inserted, updated, ended}. */
    private long[] written(String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (sql.contains("?")) {
                statement.setString(1, reason);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getMetaData().getColumnCount() > 2 ? rs.getLong(3)
                        : 0};
            }
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
