package io.vantage.etl.load;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.Field;
import io.vantage.etl.model.Schema;

/**
 * What the merge must leave exactly as it is because of rejected records. A rejected record is present in the
 * export, so it does not end; neither does anything under it that the export no longer lists (a rejected
 * experiment keeps all its memberships, a rejected user all their grants and memberships). Kept records of kinds
 * that others refer to are listed in {@code etl_kept_<kind>}. When a rejected record has no identity, nobody can tell
 * which record it is: nothing of its kind, or of the kinds under it, ends in this run.
 */
public final class Protection {

    private final Connection connection;
    private final Set<EntityType> kept = EnumSet.noneOf(EntityType.class);
    private final Map<EntityType, String> blocked = new EnumMap<>(EntityType.class);

    public Protection(Connection connection) {
        this.connection = connection;
    }

    public static String keptTable(EntityType entity) {
        return "etl_kept_" + entity.key();
    }

    /** Why nothing of {@code entity} may end in this run, or null when ending is allowed. */
    public String endingBlocked(EntityType entity) {
        return blocked.get(entity);
    }

    public boolean hasKept(EntityType entity) {
        return kept.contains(entity);
    }

    /**
     * Whether ending {@code entity} is blocked: a rejected record without identity (the row checks saw it), or a
     * kind above it that is blocked.
     */
    public void checkIdentities(EntityType entity, Set<EntityType> imported, String firstWithoutIdentity) {
        for (Field ref : refs(entity, imported)) {
            if (blocked.containsKey(ref.ref())) {
                blocked.put(entity, blocked.get(ref.ref()));
                return;
            }
        }
        if (firstWithoutIdentity != null) {
            blocked.put(entity, "a rejected " + entity.noun() + " (" + firstWithoutIdentity + ") has no "
                    + String.join(" or ", Schema.key(entity)) + ", so it cannot be told which one it is");
        }
    }

    /**
     * Records, once {@code entity}'s checks are done, which of its records are kept: rejected ones, and those under
     * kept records of other kinds that the export no longer lists.
     */
    public void keep(EntityType entity, Set<EntityType> imported, boolean anyRejected) throws SQLException {
        if (Schema.referrers(entity).stream().noneMatch(imported::contains) || Schema.key(entity).size() != 1) {
            return;
        }
        String stage = Staging.table(entity);
        List<Field> keptRefs = refs(entity, imported).stream().filter(f -> kept.contains(f.ref())).toList();
        if (!anyRejected && keptRefs.isEmpty()) {
            return;
        }
        execute("create temporary table " + keptTable(entity) + " (id text primary key) on commit drop");
        execute("insert into " + keptTable(entity) + " select distinct s.id from " + stage + " s"
                + " where s._bad and s.id is not null");
        if (!keptRefs.isEmpty()) {
            String under = keptRefs.stream().map(f -> "t." + Tables.column(entity, f.name()) + " in (select id from "
                    + keptTable(f.ref()) + ")").collect(Collectors.joining(" or "));
            execute("insert into " + keptTable(entity) + " select t.id from " + Tables.table(entity) + " t where ("
                    + under + ") and not exists (select 1 from " + stage + " s where s.id = t.id)");
        }
        kept.add(entity);
    }

    private static List<Field> refs(EntityType entity, Set<EntityType> imported) {
        return Schema.fields(entity).stream().filter(f -> f.ref() != null && imported.contains(f.ref())).toList();
    }

    /**
     * SQL conditions (on alias {@code t} of the target table) that leave alone rows under kept records, for the
     * statements that end rows no longer listed.
     */
    String notUnderKept(EntityType entity) {
        StringBuilder sql = new StringBuilder();
        for (Field field : Schema.fields(entity)) {
            if (field.ref() != null && kept.contains(field.ref())) {
                sql.append(" and t.").append(Tables.column(entity, field.name())).append(" not in (select id from ")
                        .append(keptTable(field.ref())).append(')');
            }
        }
        return sql.toString();
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
