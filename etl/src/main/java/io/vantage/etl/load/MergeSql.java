package io.vantage.etl.load;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds the set-based statements that merge one staging table into its table. Only the staging table's good
 * rows ({@code not _bad}) are applied. Rows whose imported columns are unchanged are never rewritten, so their
 * updated_at stays.
 */
final class MergeSql {

    /** A target column and the staging expression (alias {@code st}) that feeds it. */
    record Column(String target, String source) {
    }

    private MergeSql() {
    }

    /**
     * How rows the export no longer lists end: {@code set} (may hold one {@code ?}, the reason), on rows that are
     * {@code alive} and not under a kept record ({@code kept}, conditions on alias t).
     */
    record Ending(String set, String alive, String kept) {
    }

    /**
     * For tables only the import writes: one full join of staging and table finds the new, changed and absent rows
     * (absent: no staging row at all; a rejected row is present), then a plain insert, an update and the ending
     * apply them. (ON CONFLICT would cost a speculative insertion per row, three times slower for a million
     * memberships; a second join for the ending would read both sides again.) Answers (inserted, updated, ended).
     *
     * @param end null when nothing ends (employers, instruments; or ending is blocked in this run)
     */
    static String sync(String table, String stage, List<String> key, List<Column> columns, boolean updatedAt,
                       Ending end) {
        String keys = String.join(", ", key);
        String targets = columns.stream().map(Column::target).collect(Collectors.joining(", "));
        String join = key.stream().map(k -> "t." + k + " = d." + k).collect(Collectors.joining(" and "));
        String set = columns.stream().map(c -> c.target() + " = d." + c.target()).collect(Collectors.joining(", "))
                + (updatedAt ? ", updated_at = now()" : "");
        String current = columns.stream().map(c -> "t." + c.target()).collect(Collectors.joining(", "));
        String incoming = columns.stream().map(Column::source).collect(Collectors.joining(", "));
        String k = key.get(0);
        String changed = "select " + key.stream().map(c -> "coalesce(st." + c + ", t." + c + ") as " + c)
                .collect(Collectors.joining(", ")) + ", "
                + columns.stream().map(c -> c.source() + " as " + c.target()).collect(Collectors.joining(", "))
                + ", t." + k + " is null as new, st._row is null as gone"
                + " from " + stage + " st " + (end == null ? "left" : "full") + " join " + table + " t on "
                + key.stream().map(c -> "t." + c + " = st." + c).collect(Collectors.joining(" and "))
                + " where (t." + k + " is null and not st._bad)"
                + " or (st._row is not null and t." + k + " is not null and not st._bad and (" + current
                + ") is distinct from (" + incoming + "))"
                + (end == null ? "" : " or (st._row is null and " + end.alive() + end.kept() + ")");
        return "with d as materialized (" + changed + "),"
                + " u as (update " + table + " t set " + set + " from d where not d.new and not d.gone and " + join
                + " returning 1),"
                + " i as (insert into " + table + " (" + keys + ", " + targets + ") select "
                + key.stream().map(c -> "d." + c).collect(Collectors.joining(", ")) + ", "
                + columns.stream().map(c -> "d." + c.target()).collect(Collectors.joining(", "))
                + " from d where d.new and not d.gone returning 1)"
                + (end == null ? "" : ", e as (update " + table + " t set " + end.set() + " from d where d.gone and "
                        + join + " returning 1)")
                + " select (select count(*) from i), (select count(*) from u), "
                + (end == null ? "0" : "(select count(*) from e)");
    }

    /**
     * Into an empty table (a first import): every good row is new and nothing can change or end, so the rows go in
     * as they stream out of staging, with no join and nothing held on the way. Answers (inserted, 0, 0).
     */
    static String fill(String table, String stage, List<String> key, List<Column> columns) {
        return "with i as (insert into " + table + " (" + String.join(", ", key) + ", "
                + columns.stream().map(Column::target).collect(Collectors.joining(", ")) + ") select "
                + key.stream().map(k -> "st." + k).collect(Collectors.joining(", ")) + ", "
                + columns.stream().map(Column::source).collect(Collectors.joining(", "))
                + " from " + stage + " st where not st._bad returning 1) select count(*), 0, 0 from i";
    }

    /**
     * For tables the portal writes too (people, at their first login): the upsert cannot collide with a row that
     * appeared meanwhile. Answers (inserted, updated).
     */
    static String upsert(String table, String stage, List<String> key, List<Column> columns, boolean updatedAt) {
        String keys = String.join(", ", key);
        String targets = columns.stream().map(Column::target).collect(Collectors.joining(", "));
        String current = columns.stream().map(c -> "t." + c.target()).collect(Collectors.joining(", "));
        String excluded = columns.stream().map(c -> "excluded." + c.target()).collect(Collectors.joining(", "));
        String set = columns.stream().map(c -> c.target() + " = excluded." + c.target())
                .collect(Collectors.joining(", ")) + (updatedAt ? ", updated_at = now()" : "");
        return "with d as (" + changed(table, stage, key, columns) + "),"
                + " m as (insert into " + table + " as t (" + keys + ", " + targets + ") select "
                + key.stream().map(k -> "d." + k).collect(Collectors.joining(", ")) + ", "
                + columns.stream().map(c -> "d." + c.target()).collect(Collectors.joining(", ")) + " from d"
                + " on conflict (" + keys + ") do update set " + set
                + " where (" + current + ") is distinct from (" + excluded + ")"
                + " returning (xmax = 0) as inserted)"
                + " select count(*) filter (where inserted), count(*) filter (where not inserted) from m";
    }

    /** The good staging rows that are new ({@code new}) or differ from their row in the table. */
    private static String changed(String table, String stage, List<String> key, List<Column> columns) {
        String sources = columns.stream().map(c -> c.source() + " as " + c.target()).collect(Collectors.joining(", "));
        String current = columns.stream().map(c -> "t." + c.target()).collect(Collectors.joining(", "));
        String incoming = columns.stream().map(c -> c.source()).collect(Collectors.joining(", "));
        String join = key.stream().map(k -> "t." + k + " = st." + k).collect(Collectors.joining(" and "));
        return "select " + key.stream().map(k -> "st." + k).collect(Collectors.joining(", ")) + ", " + sources
                + ", t." + key.get(0) + " is null as new from " + stage + " st left join " + table + " t on " + join
                + " where not st._bad and (t." + key.get(0) + " is null or (" + current + ") is distinct from ("
                + incoming + "))";
    }

    /**
     * Ends rows the export no longer lists: not in staging at all (a rejected row is present), and not under a
     * record the run keeps. Rows already ended keep their first end date and reason.
     */
    static String endAbsent(String table, String stage, List<String> key, String set, String alive, String kept) {
        String join = key.stream().map(k -> "s." + k + " = t." + k).collect(Collectors.joining(" and "));
        return "update " + table + " t set " + set + " where " + alive
                + " and not exists (select 1 from " + stage + " s where " + join + ")" + kept;
    }
}
