package io.vantage.etl.validate;

import java.sql.SQLException;
import java.util.function.Consumer;

import io.vantage.etl.load.Protection;
import io.vantage.etl.load.Staging;
import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.Problem;

/**
 * Values that belong to one record only, checked on the state the run would leave: instrument names (unique in the
 * database, ignoring case) and e-mail addresses (one person each, so a login by e-mail finds one person). Within
 * the import, every record sharing a value is rejected (nobody can tell which one is right). Against the database,
 * a record is rejected when a record the run leaves as it is keeps that value; renames and swaps among imported
 * records are fine. Rejecting one record keeps its old value, which may clash again: repeated until nothing moves.
 */
final class UniqueValues {

    private final SqlRows sql;
    private final Staging staging;
    private final Consumer<Problem> problems;
    private final Protection protection;

    UniqueValues(SqlRows sql, Staging staging, Consumer<Problem> problems, Protection protection) {
        this.sql = sql;
        this.staging = staging;
        this.problems = problems;
        this.protection = protection;
    }

    /** Answers how many rows were rejected. */
    long instrumentNames() throws SQLException {
        String stage = Staging.table(EntityType.INSTRUMENTS);
        Check names = new Check(EntityType.INSTRUMENTS, "name", "lower(s.name)", "lower(t.name)", "instruments",
                "not exists (select 1 from " + stage + " x where x.id = t.id and not x._bad)",
                "the name", "instrument names are unique (ignoring case)");
        return withinImport(names) + againstDatabase(names);
    }

    /** Answers how many rows were rejected. */
    long emails(boolean employersImported) throws SQLException {
        String stage = Staging.table(EntityType.USERS);
        String blocked = protection.endingBlocked(EntityType.USERS) != null ? " or true" : "";
        String underKept = employersImported && protection.hasKept(EntityType.EMPLOYERS)
                ? " or t.affiliation_id in (select id from " + Protection.keptTable(EntityType.EMPLOYERS) + ")" : "";
        // who keeps an e-mail: user-office people this run neither updates nor marks inactive
        String keeps = "t.source = 'USER_OFFICE' and t.inactive_since is null"
                + " and not exists (select 1 from " + stage + " x where x.id = t.id and not x._bad)"
                + " and (exists (select 1 from " + stage + " x where x.id = t.id)" + blocked + underKept + ")";
        Check emails = new Check(EntityType.USERS, "email", "s.email", "lower(t.email)", "users", keeps,
                "the e-mail address", "an e-mail address belongs to one person");
        return withinImport(emails) + againstDatabase(emails);
    }

    /**
     * @param staged  the value in staging (alias s)
     * @param stored  the value in the table (alias t)
     * @param keeps   condition on t: the run leaves this row's value as it is
     */
    private record Check(EntityType entity, String field, String staged, String stored, String table, String keeps,
                         String what, String rule) {
    }

    private long withinImport(Check check) throws SQLException {
        String stage = Staging.table(check.entity());
        String statement = "with r as (select s._row, s._src, s._loc, s.id, s." + check.field() + " as value,"
                + " row_number() over w as rn, count(*) over g as n,"
                + " first_value(s.id) over w as first_id, first_value(s._src) over w as first_src,"
                + " first_value(s._loc) over w as first_loc,"
                + " lead(s.id) over w as next_id, lead(s._src) over w as next_src, lead(s._loc) over w as next_loc"
                + " from " + stage + " s where not s._bad and " + check.staged() + " in (select "
                + check.staged() + " from " + stage + " s where not s._bad and s." + check.field() + " is not null"
                + " group by 1 having count(*) > 1)"
                + " window w as (partition by " + check.staged() + " order by s._row), g as (partition by "
                + check.staged() + ")),"
                + " flagged as (update " + stage + " s set _bad = true from r where s._row = r._row returning r.*)"
                + " select * from flagged order by _row";
        return sql.query(statement, rs -> {
            boolean first = rs.getLong("rn") == 1;
            String other = rs.getString(first ? "next_id" : "first_id");
            String where = staging.source(rs.getInt(first ? "next_src" : "first_src")) + " "
                    + rs.getString(first ? "next_loc" : "first_loc");
            long more = rs.getLong("n") - 2;
            problems.accept(Problem.of(check.entity(), rs.getString("id"), staging.source(rs.getInt("_src")),
                    rs.getString("_loc"), check.field(), check.what() + " '" + rs.getString("value")
                            + "' is also given to " + check.entity().noun() + " '" + other + "' (" + where + ")"
                            + (more > 0 ? " and " + more + " more" : "") + "; " + check.rule()
                            + ", so none of them is imported"));
        });
    }

    private long againstDatabase(Check check) throws SQLException {
        String stage = Staging.table(check.entity());
        String statement = "with hit as (select distinct on (s._row) s._row, s._src, s._loc, s.id,"
                + " s." + check.field() + " as value, t.id as holder,"
                + " exists (select 1 from " + stage + " x where x.id = t.id) as holder_rejected"
                + " from " + stage + " s join " + check.table() + " t on " + check.stored() + " = " + check.staged()
                + " and t.id <> s.id where not s._bad and (" + check.keeps() + ") order by s._row, t.id),"
                + " flagged as (update " + stage + " s set _bad = true from hit where s._row = hit._row"
                + " returning hit.*)"
                + " select * from flagged order by _row";
        long flagged;
        long total = 0;
        do {
            flagged = sql.query(statement, rs -> problems.accept(Problem.of(check.entity(), rs.getString("id"),
                    staging.source(rs.getInt("_src")), rs.getString("_loc"), check.field(), check.what() + " '"
                            + rs.getString("value") + "' already belongs to " + check.entity().noun() + " '"
                            + rs.getString("holder") + "' in the portal, which keeps it ("
                            + (rs.getBoolean("holder_rejected") ? "it is rejected in this export"
                                    : "it is not in this export") + "); " + check.rule()
                            + ", so this row is not imported")));
            total += flagged;
        } while (flagged > 0);
        return total;
    }
}
