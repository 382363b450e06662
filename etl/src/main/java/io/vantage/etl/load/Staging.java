package io.vantage.etl.load;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.Field;
import io.vantage.etl.model.Schema;

/**
 * Temporary tables (dropped at the end of the run's transaction) filled with COPY, one per imported entity.
 * Each row keeps where it came from ({@code _src}, an index into {@link #source(int)}, and {@code _loc}) so
 * checks done in SQL can still name the file and line.
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
                    + " (_row bigint not null, _src int not null, _loc text not null, " + columns + ") on commit drop");
        }
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
        String sql = "copy " + table(entity) + " (_row, _src, _loc, " + columns + ") from stdin with (format csv)";
        PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, 1 << 16);
        return new Writer(copy, entity);
    }

    /** Streams rows into one staging table; {@link #close()} ends the COPY. */
    public final class Writer implements AutoCloseable {

        private final CSVPrinter printer;
        private final Object[] buffer;
        private long rows;

        private Writer(PGCopyOutputStream copy, EntityType entity) throws IOException {
            // POSTGRESQL_CSV writes null as an unquoted empty field, which COPY reads back as NULL
            this.printer = new CSVPrinter(new OutputStreamWriter(copy, StandardCharsets.UTF_8),
                    CSVFormat.POSTGRESQL_CSV);
            this.buffer = new Object[3 + Schema.fields(entity).size()];
        }

        public void write(String source, String location, String[] values) throws IOException {
            buffer[0] = nextRow++;
            buffer[1] = sourceIndex.computeIfAbsent(source, name -> {
                sources.add(name);
                return sources.size() - 1;
            });
            buffer[2] = location;
            System.arraycopy(values, 0, buffer, 3, values.length);
            printer.printRecord(buffer);
            rows++;
        }

        public long rows() {
            return rows;
        }

        @Override
        public void close() throws IOException {
            printer.close();
        }
    }
}
