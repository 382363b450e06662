package io.vantage.etl.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.Problem;

/**
 * Turns a database refusal during the merge into a problem a user office can act on: the record (file, line, id)
 * and the rule it broke, never SQL text. The checks before the merge should leave nothing for the database to
 * refuse; this is the net under them (and under rows someone else wrote meanwhile).
 */
public final class DatabaseProblems {

    private static final Pattern KEY = Pattern.compile("Key \\((.+?)\\)=\\((.*)\\)");
    private static final Map<String, String> RULES = Map.of(
            "instruments_name_idx", "instrument names are unique (ignoring case)",
            "experiments_check", "an experiment cannot end before it starts",
            "experiment_users_role_check", "a member's role must be one the portal knows");

    private DatabaseProblems() {
    }

    /** An integrity rule was broken (SQLSTATE class 23): the data's fault, not the system's. */
    public static boolean isDataError(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    /** What the database said, without the statement: "canceling statement due to statement timeout (57014)". */
    public static String describe(SQLException e) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String message = server != null && server.getMessage() != null ? server.getMessage()
                : e.getClass().getSimpleName();
        return "database error " + e.getSQLState() + ": " + message;
    }

    /**
     * The problem for a broken rule, located in staging when the refused key can be found there. The connection
     * must be usable (rolled back to a savepoint taken before the merge).
     */
    public static Problem locate(SQLException e, Connection connection, Staging staging) throws SQLException {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String table = server == null ? null : server.getTable();
        String constraint = server == null ? null : server.getConstraint();
        EntityType entity = entityOf(table);
        String rule = constraint == null ? "the database refused the data" : RULES.getOrDefault(constraint,
                "it breaks the database rule " + constraint);
        Matcher key = KEY.matcher(server == null || server.getDetail() == null ? "" : server.getDetail());
        if (entity == null || !key.find()) {
            return new Problem(true, entity, null, table == null ? "the database" : "table " + table, null, null,
                    "the database refused the import: " + rule);
        }
        String field = key.group(1).replaceAll("lower\\((\\w+)(::\\w+)?\\)", "$1").split(",\\s*")[0];
        String value = key.group(2).split(",\\s*")[0];
        String stageField = entity == EntityType.USERS && field.equals("affiliation_id") ? "employer_id" : field;
        String sql = "select _src, _loc, " + Staging.keyText(entity, "s") + " from " + Staging.table(entity)
                + " s where lower(" + stageField
                + "::text) = lower(?) and not _bad order by _row limit 1";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            try (ResultSet rs = statement.executeQuery()) {
                String message = "the database refused " + entity.noun() + " " + stageField + " '" + value + "': "
                        + rule;
                if (rs.next()) {
                    return new Problem(true, entity, rs.getString(3), staging.source(rs.getInt(1)), rs.getString(2),
                            stageField, message);
                }
                return new Problem(true, entity, value, "table " + table, null, stageField, message);
            }
        } catch (SQLException notInStaging) {
            return new Problem(true, entity, value, "table " + table, null, null, "the database refused "
                    + entity.noun() + " '" + value + "': " + rule);
        }
    }

    private static EntityType entityOf(String table) {
        for (EntityType entity : EntityType.values()) {
            if (Tables.table(entity).equals(table)) {
                return entity;
            }
        }
        return null;
    }
}
