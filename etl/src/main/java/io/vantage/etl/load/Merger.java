package io.vantage.etl.load;

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
import java.util.TreeSet;

import io.vantage.etl.load.MergeSql.Column;
import io.vantage.etl.model.EntityType;

/**
 * Merges the checked staging tables into the portal's tables, in load order, inside the caller's transaction.
 * Only user-office data is written: users' quotas and activity, PORTAL role grants, instances and everything else
 * the portal owns are never in a statement here. Entities the source does not deliver are left alone entirely.
 */
public final class Merger {

    /** Role names created as groups; counted apart from the grants. */
    public static final String GROUPS = "groups";
    /** The portal's NOTIFY channel for access changes (portal-api's {@code AccessChanges.CHANNEL}). */
    public static final String ACCESS_CHANNEL = "vantage_access";

    private final Connection connection;
    /** People whose role grants or instrument assignments this merge changed. */
    private final Set<String> changedPeople = new TreeSet<>();

    public Merger(Connection connection) {
        this.connection = connection;
    }

    public Map<String, EntityCounts> merge(Set<EntityType> imported) throws SQLException {
        Map<String, EntityCounts> counts = new LinkedHashMap<>();
        for (EntityType entity : EntityType.values()) {
            if (imported.contains(entity)) {
                if (entity == EntityType.ROLES) {
                    counts.put(GROUPS, createGroups());
                }
                counts.put(entity.key(), merge(entity));
            }
        }
        return counts;
    }

    private EntityCounts merge(EntityType entity) throws SQLException {
        String stage = Staging.table(entity);
        long received = count("select count(*) from " + stage);
        // arguments run left to right: rows are ended before the upsert; the two never touch the same row
        return switch (entity) {
            case EMPLOYERS -> upserted(received, upsert("employers", stage, List.of("id"), List.of(
                    col("name"), col("town"), col("country_code")), true), 0);
            case USERS -> upserted(received, upsert("users", stage, List.of("id"), List.of(
                    col("first_name"), col("last_name"), col("email"),
                    new Column("affiliation_id", "st.employer_id")), true), 0);
            case ROLES -> roleGrants(received, stage);
            case INSTRUMENTS -> upserted(received, upsert("instruments", stage, List.of("id"), List.of(
                    col("name")), true), 0);
            case INSTRUMENT_SCIENTISTS -> instrumentScientists(received, stage);
            case PROPOSALS -> upserted(received, upsert("proposals", stage, List.of("id"), List.of(
                    col("title"), col("summary"), col("doi"), col("public_at"), notEnded()), true),
                    update(MergeSql.endVanished("proposals", stage, List.of("id"), true)));
            case EXPERIMENTS -> upserted(received, upsert("experiments", stage, List.of("id"), List.of(
                    col("proposal_id"), col("instrument_id"), col("title"), col("start_date"), col("end_date"),
                    col("doi"), notEnded()), true),
                    update(MergeSql.endVanished("experiments", stage, List.of("id"), true)));
            case EXPERIMENT_MEMBERS -> {
                List<String> key = List.of("experiment_id", "user_id");
                yield upserted(received, upsert("experiment_users", stage, key, List.of(col("role"), notEnded()),
                        false), update(MergeSql.endVanished("experiment_users", stage, key, false)));
            }
        };
    }

    private EntityCounts createGroups() throws SQLException {
        long created = update("insert into roles (name, description, kind)"
                + " select distinct s.role, 'Imported from the user office', 'GROUP' from "
                + Staging.table(EntityType.ROLES) + " s where not exists (select 1 from roles r where r.name = s.role)");
        long named = count("select count(distinct role) from " + Staging.table(EntityType.ROLES));
        return new EntityCounts(named, created, 0, named - created, 0);
    }

    /** Only USER_OFFICE grants are written; a PORTAL grant of the same role wins and is left as it is. */
    private EntityCounts roleGrants(long received, String stage) throws SQLException {
        String upsert = "with s as (select st.user_id, r.id as role_id, st.expires_at from " + stage + " st"
                + " join roles r on r.name = st.role),"
                + " m as (insert into user_roles as t (user_id, role_id, source, granted_at, expires_at)"
                + " select s.user_id, s.role_id, 'USER_OFFICE', now(), s.expires_at from s"
                + " left join user_roles t on t.user_id = s.user_id and t.role_id = s.role_id"
                + " where t.user_id is null or (t.source = 'USER_OFFICE' and t.expires_at is distinct from s.expires_at)"
                + " on conflict (user_id, role_id) do update set expires_at = excluded.expires_at"
                + " where t.source = 'USER_OFFICE' and t.expires_at is distinct from excluded.expires_at"
                + " returning (xmax = 0) as inserted, t.user_id)"
                + " select count(*) filter (where inserted), count(*) filter (where not inserted),"
                + " string_agg(distinct user_id, chr(10)) from m";
        // a grant the user office stopped listing expires now rather than disappearing
        String end = "with e as (update user_roles t set expires_at = now() where t.source = 'USER_OFFICE'"
                + " and (t.expires_at is null or t.expires_at > now()) and not exists (select 1 from " + stage + " s"
                + " join roles r on r.name = s.role where s.user_id = t.user_id and r.id = t.role_id)"
                + " returning t.user_id) select count(*), string_agg(distinct user_id, chr(10)) from e";
        long ended = countAndPeople(end);
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(upsert)) {
            rs.next();
            long inserted = rs.getLong(1);
            long updated = rs.getLong(2);
            people(rs.getString(3));
            return new EntityCounts(received, inserted, updated, received - inserted - updated, ended);
        }
    }

    /** The table has no end date: scientists no longer listed are removed. */
    private EntityCounts instrumentScientists(long received, String stage) throws SQLException {
        long inserted = countAndPeople("with i as (insert into instrument_scientists (instrument_id, user_id)"
                + " select s.instrument_id, s.user_id from " + stage + " s where not exists (select 1 from"
                + " instrument_scientists t where t.instrument_id = s.instrument_id and t.user_id = s.user_id)"
                + " returning user_id) select count(*), string_agg(distinct user_id, chr(10)) from i");
        long removed = countAndPeople("with d as (delete from instrument_scientists t where not exists (select 1 from "
                + stage + " s where s.instrument_id = t.instrument_id and s.user_id = t.user_id)"
                + " returning t.user_id) select count(*), string_agg(distinct user_id, chr(10)) from d");
        return new EntityCounts(received, inserted, 0, received - inserted, removed);
    }

    /** Runs a statement answering (count, newline-separated user ids); remembers the people, returns the count. */
    private long countAndPeople(String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            people(rs.getString(2));
            return rs.getLong(1);
        }
    }

    private void people(String ids) {
        if (ids != null && !ids.isEmpty()) {
            changedPeople.addAll(List.of(ids.split("\n")));
        }
    }

    /**
     * Tells running portals (every replica) that these people's roles changed, so their open desktops, notebooks
     * and pages are decided again at once: the portal's access-change channel and payload ({@code AccessChange}
     * in portal-api; the ETL does not depend on the portal). PostgreSQL delivers the notifications only when the
     * import's transaction commits, so a dry run or a failed import tells nobody. Returns how many were told.
     */
    public int notifyChangedPeople() throws SQLException {
        try (PreparedStatement notify = connection.prepareStatement("select pg_notify('" + ACCESS_CHANNEL
                + "', json_build_object('userId', ?::text, 'instanceId', null, 'reason', ?::text)::text)")) {
            for (String userId : changedPeople) {
                notify.setString(1, userId);
                notify.setString(2, "Your roles from the user office changed.");
                notify.executeQuery().close();
            }
        }
        return changedPeople.size();
    }

    /** People whose roles or instrument assignments this merge changed. */
    public Set<String> changedPeople() {
        return Set.copyOf(changedPeople);
    }

    private EntityCounts upserted(long received, String upsertSql, long ended) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(upsertSql)) {
            rs.next();
            long inserted = rs.getLong(1);
            long updated = rs.getLong(2);
            return new EntityCounts(received, inserted, updated, received - inserted - updated, ended);
        }
    }

    private static Column col(String name) {
        return new Column(name, "st." + name);
    }

    /** A row the user office lists again is no longer ended. */
    private static Column notEnded() {
        return new Column("ended_at", "null::timestamptz");
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
}
