package io.vantage.etl.load;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the set-based upsert of one staging table into its table. Rows whose imported columns are unchanged are
 * filtered out before the insert (a hash join), and the {@code where ... is distinct from} guard keeps the update
 * from touching them anyway: an unchanged row is never rewritten, so its updated_at stays.
 */
final class MergeSql {

    /** A target column and the staging expression that feeds it. */
    record Column(String target, String source) {
    }

    private MergeSql() {
    }

    static String upsert(String table, String stage, List<String> key, List<Column> columns, boolean updatedAt) {
        String targets = columns.stream().map(Column::target).collect(Collectors.joining(", "));
        String sources = columns.stream().map(c -> c.source() + " as " + c.target()).collect(Collectors.joining(", "));
        String current = columns.stream().map(c -> "t." + c.target()).collect(Collectors.joining(", "));
        String incoming = columns.stream().map(c -> "s." + c.target()).collect(Collectors.joining(", "));
        String excluded = columns.stream().map(c -> "excluded." + c.target()).collect(Collectors.joining(", "));
        String keys = String.join(", ", key);
        String join = key.stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" and "));
        String set = columns.stream().map(c -> c.target() + " = excluded." + c.target())
                .collect(Collectors.joining(", ")) + (updatedAt ? ", updated_at = now()" : "");
        return "with s as (select " + key.stream().map(k -> "st." + k).collect(Collectors.joining(", ")) + ", "
                + sources + " from " + stage + " st),"
                + " m as (insert into " + table + " as t (" + keys + ", " + targets + (updatedAt ? ", updated_at" : "")
                + ") select " + key.stream().map(k -> "s." + k).collect(Collectors.joining(", ")) + ", " + incoming
                + (updatedAt ? ", now()" : "")
                + " from s left join " + table + " t on " + join
                + " where t." + key.get(0) + " is null or (" + current + ") is distinct from (" + incoming + ")"
                + " on conflict (" + keys + ") do update set " + set
                + " where (" + current + ") is distinct from (" + excluded + ")"
                + " returning (xmax = 0) as inserted)"
                + " select count(*) filter (where inserted), count(*) filter (where not inserted) from m";
    }

    /** Marks rows the import no longer lists; rows already ended keep their first end date. */
    static String endVanished(String table, String stage, List<String> key, boolean updatedAt) {
        String join = key.stream().map(k -> "s." + k + " = t." + k).collect(Collectors.joining(" and "));
        return "update " + table + " t set ended_at = now()" + (updatedAt ? ", updated_at = now()" : "")
                + " where t.ended_at is null and not exists (select 1 from " + stage + " s where " + join + ")";
    }
}
