package io.vantage.etl.validate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.vantage.etl.load.Staging;
import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.Field;
import io.vantage.etl.model.Problem;
import io.vantage.etl.model.Schema;

/**
 * Checks across records, done set-based on the staging tables: duplicate keys and references to records that are
 * not there. Offending rows are reported and removed, entity by entity in load order, so a rejected proposal also
 * rejects the experiments that refer to it.
 */
public final class SetChecks {

    private final Connection connection;
    private final Staging staging;
    private final Consumer<Problem> problems;

    public SetChecks(Connection connection, Staging staging, Consumer<Problem> problems) {
        this.connection = connection;
        this.staging = staging;
        this.problems = problems;
    }

    public void run(Set<EntityType> imported) throws SQLException {
        for (EntityType entity : EntityType.values()) {
            if (!imported.contains(entity)) {
                continue;
            }
            duplicates(entity, Schema.key(entity), describeKey(entity));
            if (entity == EntityType.INSTRUMENTS) {
                duplicates(entity, List.of("lower(name)"), "name (names are unique, ignoring case)");
            }
            for (Field field : Schema.fields(entity)) {
                if (field.ref() != null) {
                    references(entity, field, imported.contains(field.ref()));
                }
            }
        }
    }

    private void duplicates(EntityType entity, List<String> key, String what) throws SQLException {
        String table = Staging.table(entity);
        String keyList = String.join(", ", key);
        String keyText = key.stream().map(k -> "coalesce(" + k + "::text, '')")
                .collect(Collectors.joining(" || ' / ' || "));
        String sql = "with ranked as (select _row, " + keyText + " as key_text,"
                + " row_number() over w as rn, first_value(_src) over w as first_src, first_value(_loc) over w as first_loc"
                + " from " + table + " where (" + keyList + ") in (select " + keyList + " from " + table
                + " group by " + keyList + " having count(*) > 1)"
                + " window w as (partition by " + keyList + " order by _row)),"
                + " gone as (delete from " + table + " s using ranked r where s._row = r._row and r.rn > 1"
                + " returning s._row, s._src, s._loc, r.key_text, r.first_src, r.first_loc)"
                + " select * from gone order by _row";
        String field = key.size() == 1 ? key.get(0).replace("lower(", "").replace(")", "") : String.join("+", key);
        query(sql, rs -> {
            String source = staging.source(rs.getInt("_src"));
            String firstSource = staging.source(rs.getInt("first_src"));
            String first = (firstSource.equals(source) ? "" : firstSource + " ") + rs.getString("first_loc");
            problems.accept(new Problem(source, rs.getString("_loc"), field, "duplicate " + entity.noun() + " "
                    + what + " '" + rs.getString("key_text") + "', already given at " + first
                    + "; this one is skipped"));
        });
    }

    private void references(EntityType entity, Field field, boolean targetImported) throws SQLException {
        String table = Staging.table(entity);
        String target = targetImported ? Staging.table(field.ref()) : tableOf(field.ref());
        String sql = "with gone as (delete from " + table + " s where s." + field.name() + " is not null"
                + " and not exists (select 1 from " + target + " t where t.id = s." + field.name() + ")"
                + " returning s._row, s._src, s._loc, s." + field.name() + " as ref)"
                + " select * from gone order by _row";
        String why = targetImported
                ? "which is not in the import (or was rejected there)"
                : "which does not exist in the portal (" + field.ref().key() + " are not imported from this source)";
        query(sql, rs -> problems.accept(new Problem(staging.source(rs.getInt("_src")), rs.getString("_loc"),
                field.name(), "refers to " + field.ref().noun() + " '" + rs.getString("ref") + "', " + why)));
    }

    private static String describeKey(EntityType entity) {
        return Schema.key(entity).size() == 1 ? "id" : "(" + String.join(", ", Schema.key(entity)) + ")";
    }

    static String tableOf(EntityType entity) {
        return switch (entity) {
            case EMPLOYERS -> "employers";
            case USERS -> "users";
            case INSTRUMENTS -> "instruments";
            case PROPOSALS -> "proposals";
            case EXPERIMENTS -> "experiments";
            default -> throw new IllegalArgumentException(entity + " is never referred to");
        };
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowHandler handler) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                handler.handle(rs);
            }
        }
    }
}
