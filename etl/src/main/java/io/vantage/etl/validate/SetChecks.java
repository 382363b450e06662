package io.vantage.etl.validate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.vantage.etl.load.Protection;
import io.vantage.etl.load.Staging;
import io.vantage.etl.load.Tables;
import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.Field;
import io.vantage.etl.model.Problem;
import io.vantage.etl.model.Schema;

/**
 * Checks across records, set-based on the staging tables, entity by entity in load order: duplicate keys,
 * references to records that are not there or were rejected, and values that must be unique (instrument names,
 * e-mail addresses) within the import and against what the database keeps. Offending rows are flagged
 * ({@code _bad}), not removed: they are present in the export, so nothing ends because of them.
 */
public final class SetChecks {

    private final SqlRows sql;
    private final Staging staging;
    private final Consumer<Problem> problems;
    private final StagedKeys keys;
    private final Protection protection;
    private final Map<EntityType, Long> dropped = new EnumMap<>(EntityType.class);
    private final Map<EntityType, Long> flagged = new EnumMap<>(EntityType.class);

    public SetChecks(Connection connection, Staging staging, Consumer<Problem> problems, StagedKeys keys) {
        this.sql = new SqlRows(connection);
        this.staging = staging;
        this.problems = problems;
        this.keys = keys;
        this.protection = new Protection(connection);
    }

    /** Runs every check, in load order. */
    public void run(Set<EntityType> imported) throws SQLException {
        UniqueValues unique = new UniqueValues(sql, staging, problems, protection);
        for (EntityType entity : EntityType.values()) {
            if (!imported.contains(entity)) {
                continue;
            }
            if (keys.mayHaveDuplicates(entity)) {
                duplicates(entity);
            }
            protection.checkIdentities(entity, imported, keys.firstWithoutIdentity(entity));
            for (Field field : Schema.fields(entity)) {
                boolean targetImported = field.ref() != null && imported.contains(field.ref());
                // the row checks saw every reference among the records staged before; SQL has the last word
                // only when the target lost records to the checks across rows
                boolean seenFine = targetImported && keys.referencesFound(entity, field.name())
                        && flagged.getOrDefault(field.ref(), 0L) == 0;
                if (field.ref() != null && !seenFine) {
                    flag(entity, references(entity, field, targetImported));
                }
            }
            if (entity == EntityType.INSTRUMENTS) {
                flag(entity, unique.instrumentNames());
            } else if (entity == EntityType.USERS) {
                flag(entity, unique.emails(imported.contains(EntityType.EMPLOYERS)));
            }
            protection.keep(entity, imported, rejected(entity) - dropped.getOrDefault(entity, 0L) > 0);
        }
    }

    public Protection protection() {
        return protection;
    }

    /** Rows of {@code entity} that are not applied: rejected by any check, or identical copies dropped. */
    public long rejected(EntityType entity) {
        return keys.rejected(entity) + flagged.getOrDefault(entity, 0L) + dropped.getOrDefault(entity, 0L);
    }

    private void flag(EntityType entity, long rows) {
        if (rows > 0) {
            flagged.merge(entity, rows, Long::sum);
        }
    }

    /**
     * Records given twice: an identical copy is dropped (and reported); copies that differ are all rejected,
     * since nobody can tell which one is right.
     */
    private void duplicates(EntityType entity) throws SQLException {
        String table = Staging.table(entity);
        List<String> key = Schema.key(entity);
        String keyList = String.join(", ", key);
        String known = key.stream().map(k -> k + " is not null").collect(Collectors.joining(" and "));
        String dupKeys = "select " + keyList + " from " + table + " where " + known + " group by " + keyList
                + " having count(*) > 1";
        if (!sql.exists(dupKeys)) {
            return;
        }
        String values = Schema.fields(entity).stream().map(f -> "s." + f.name()).collect(Collectors.joining(", "));
        String sKeys = key.stream().map(k -> "s." + k).collect(Collectors.joining(", "));
        String statement = "with r as (select s._row, s._src, s._loc, s._bad as was_bad, "
                + Staging.keyText(entity, "s") + " as key_text,"
                + " row_number() over w as rn, first_value(s._src) over w as first_src,"
                + " first_value(s._loc) over w as first_loc,"
                + " (min(row(" + values + ")::text) over g = max(row(" + values + ")::text) over g"
                + " and not bool_or(s._bad) over g) as identical"
                + " from " + table + " s where (" + sKeys + ") in (" + dupKeys + ")"
                + " window w as (partition by " + sKeys + " order by s._row), g as (partition by " + sKeys + ")),"
                + " gone as (delete from " + table + " s using r where s._row = r._row and r.identical and r.rn > 1"
                + " returning r.*),"
                + " flagged as (update " + table + " s set _bad = true from r where s._row = r._row"
                + " and not r.identical returning r.*)"
                + " select * from gone union all select * from flagged order by _row";
        String field = String.join("+", key);
        String what = key.size() == 1 ? "id" : "(" + keyList + ")";
        sql.query(statement, rs -> {
            boolean copy = rs.getBoolean("identical");
            if (copy) {
                dropped.merge(entity, 1L, Long::sum);
            } else if (!rs.getBoolean("was_bad")) {
                flag(entity, 1);
            }
            if (rs.getLong("rn") == 1) {
                return;
            }
            String source = staging.source(rs.getInt("_src"));
            String firstSource = staging.source(rs.getInt("first_src"));
            String first = (firstSource.equals(source) ? "" : firstSource + " ") + rs.getString("first_loc");
            problems.accept(Problem.of(entity, rs.getString("key_text"), source, rs.getString("_loc"), field, copy
                    ? "the same " + entity.noun() + " is listed again with the same values (first at " + first
                            + "); this copy is ignored"
                    : "duplicate " + entity.noun() + " " + what + " '" + rs.getString("key_text") + "' with different"
                            + " values, already given at " + first + "; none of these rows is imported"));
        });
    }

    /** Flags rows that refer to a record that is not there or was rejected; answers how many. */
    private long references(EntityType entity, Field field, boolean targetImported) throws SQLException {
        String table = Staging.table(entity);
        String ref = field.name();
        String target = targetImported ? Staging.table(field.ref()) : Tables.table(field.ref());
        String present = targetImported ? " and not t._bad" : "";
        String statement = "with gone as (update " + table + " s set _bad = true where not s._bad and s." + ref
                + " is not null and not exists (select 1 from " + target + " t where t.id = s." + ref + present + ")"
                + " returning s._row, s._src, s._loc, s." + ref + " as ref, " + Staging.keyText(entity, "s")
                + " as key_text)"
                + " select g.*, b._src as bad_src, b._loc as bad_loc from gone g"
                + (targetImported ? " left join (select distinct on (id) id, _src, _loc from " + target
                        + " where _bad order by id, _row) b on b.id = g.ref" : " cross join (select null::int as _src,"
                        + " null::text as _loc) b")
                + " order by g._row";
        String noun = field.ref().noun();
        return sql.query(statement, rs -> {
            String why;
            if (!targetImported) {
                why = "which does not exist in the portal (" + field.ref().key()
                        + " are not imported from this source)";
            } else if (rs.getString("bad_loc") != null) {
                why = "which is rejected (" + staging.source(rs.getInt("bad_src")) + " " + rs.getString("bad_loc")
                        + "), so this row is not imported either";
            } else {
                why = "which is not in the import";
            }
            problems.accept(Problem.of(entity, rs.getString("key_text"), staging.source(rs.getInt("_src")),
                    rs.getString("_loc"), ref, "refers to " + noun + " '" + rs.getString("ref") + "', " + why));
        });
    }
}
