package io.vantage.etl.validate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The few JDBC shapes the checks need. */
final class SqlRows {

    interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private final Connection connection;

    SqlRows(Connection connection) {
        this.connection = connection;
    }

    /** Runs {@code sql} and hands over each row; returns how many there were. */
    long query(String sql, RowHandler handler) throws SQLException {
        long rows = 0;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                handler.handle(rs);
                rows++;
            }
        }
        return rows;
    }

    boolean exists(String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select exists (" + sql + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
