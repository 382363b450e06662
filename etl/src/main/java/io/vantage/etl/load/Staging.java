package io.vantage.etl.load;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.Field;
import io.vantage.etl.model.Schema;

/**
 * Temporary tables (dropped at the end of the run's transaction) filled with COPY, one per imported entity.
 * Each row keeps where it came from ({@code _src}, an index into {@link #source(int)}, and {@code _loc}) so
 * checks done in SQL can still name the file and line. Rejected records are staged too, with only their identity
 * and {@code _bad} set: they are present in the export (so nothing ends because of them) but never applied.
 */
public final class Staging {

    private final Connection connection;
    private final List<String> sources = new ArrayList<>();
    private final Map<String, Integer> sourceIndex = new HashMap<>();
    private long nextRow;

    public Staging(Connection connection) {
        this.connection = connection;
    }

    public static String table(EntityType entity) {
        return "etl_stage_" + entity.key();
    }

    public void create(EntityType entity) throws SQLException {
        String columns = Schema.fields(entity).stream().map(f -> f.name() + " " + f.kind().sqlType())
                .collect(Collectors.joining(", "));
        try (Statement statement = connection.createStatement()) {
            statement.execute("create temporary table " + table(entity)
                    + " (_row bigint not null, _src int not null, _loc text not null, _bad boolean not null, " + columns
                    + ") on commit drop");
        }
    }

    /** The record's identity as text, as RowValidator.recordId writes it. */
    public static String keyText(EntityType entity, String alias) {
        List<String> key = Schema.key(entity);
        if (key.size() == 1) {
            return alias + "." + key.get(0);
        }
        return key.stream().map(k -> "coalesce(" + alias + "." + k + ", '?')")
                .collect(Collectors.joining(" || ' / ' || "));
    }

    public String source(int index) {
        return sources.get(index);
    }

    /** Updates planner statistics: autovacuum never analyses temporary tables, and the checks join large ones. */
    public void analyze(EntityType entity) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("analyze " + table(entity));
        }
    }

    public Writer open(EntityType entity) throws SQLException, IOException {
        String columns = Schema.fields(entity).stream().map(Field::name).collect(Collectors.joining(", "));
        String sql = "copy " + table(entity) + " (_row, _src, _loc, _bad, " + columns + ") from stdin";
        PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, 1 << 16);
        return new Writer(copy, entity);
    }

    /** Streams rows into one staging table; {@link #close()} ends the COPY. */
    public final class Writer implements AutoCloseable {

        private final CopyText out;
        private long rows;

        private Writer(PGCopyOutputStream copy, EntityType entity) {
            this.out = new CopyText(copy);
        }

        /** @param bad the record was rejected: {@code values} holds only its identity */
        public void write(String source, String location, String[] values, boolean bad) throws IOException {
            out.number(nextRow++);
            out.separator();
            out.number(sourceIndex.computeIfAbsent(source, name -> {
                sources.add(name);
                return sources.size() - 1;
            }));
            out.separator();
            out.text(location);
            out.separator();
            out.text(bad ? "t" : "f");
            for (String value : values) {
                out.separator();
                out.text(value);
            }
            out.endRow();
            rows++;
        }

        public long rows() {
            return rows;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
