package io.vantage.etl.run;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * An import's problems as CSV, as the user office opens it in a spreadsheet: one row per problem with the record's
 * id, file, line and field. Values that a spreadsheet would run as a formula (=, +, -, @ first) are prefixed with a
 * quote: the values come from the export, which the portal does not trust.
 */
public final class ProblemCsv {

    public static final String[] HEADER = {"severity", "kind", "record_id", "file", "line", "field", "problem"};

    private final CSVPrinter printer;

    public ProblemCsv(Appendable out) {
        try {
            this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void row(io.vantage.etl.model.Problem p) {
        row(p.fatal(), p.entity() == null ? null : p.entity().key(), p.recordId(), p.source(), p.location(),
                p.field(), p.message());
    }

    public void row(boolean fatal, String kind, String recordId, String file, String location, String field,
                    String message) {
        try {
            printer.printRecord(fatal ? "fatal" : "row", safe(kind), safe(recordId), safe(file), safe(location),
                    safe(field), safe(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    /** Flushes what was written; the caller closes its output. */
    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
