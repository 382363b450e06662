package io.vantage.etl.extract.files;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import io.vantage.etl.extract.Feed;
import io.vantage.etl.extract.JsonValues;
import io.vantage.etl.extract.SourceFormatException;
import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.RawRecord;
import io.vantage.etl.model.Schema;

/** An entity as an RFC 4180 CSV file with a header row naming the fields. */
final class CsvFeed implements Feed {

    // empty lines are kept (and skipped below) so the parser's line count stays the file's line count
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(false).setTrim(true).get();

    private final EntityType entity;
    private final Path path;

    CsvFeed(EntityType entity, Path path) {
        this.entity = entity;
        this.path = path;
    }

    @Override
    public EntityType entity() {
        return entity;
    }

    @Override
    public String describe() {
        return path.toString();
    }

    @Override
    public void read(Consumer<RawRecord> sink) throws IOException {
        String source = path.getFileName().toString();
        try (Reader reader = TextFiles.utf8(path); CSVParser parser = CSVParser.builder().setReader(reader)
                .setFormat(FORMAT).get()) {
            List<String> header = parser.getHeaderNames();
            checkHeader(source, header);
            // columns the entity does not have are ignored
            boolean[] known = new boolean[header.size()];
            for (int i = 0; i < known.length; i++) {
                known[i] = Schema.fieldNames(entity).contains(header.get(i));
            }
            Iterator<CSVRecord> records = parser.iterator();
            long lineBefore = parser.getCurrentLineNumber();
            while (hasNext(records, source, lineBefore)) {
                CSVRecord record = records.next();
                long line = lineBefore + 1;
                lineBefore = parser.getCurrentLineNumber();
                Map<String, String> values = new HashMap<>();
                boolean blank = true;
                for (int i = 0; i < header.size(); i++) {
                    String value = i < record.size() ? JsonValues.blankToNull(record.get(i)) : null;
                    if (known[i]) {
                        values.put(header.get(i), value);
                    }
                    blank &= value == null;
                }
                if (blank && record.size() <= header.size()) {
                    continue;
                }
                Map<String, String> problems = TextFiles.badEncoding(values);
                sink.accept(new RawRecord(source, "line " + line, values, problems, valueCount(record, header)));
            }
        } catch (IllegalArgumentException e) {
            // commons-csv rejects duplicate or empty header names this way
            throw new SourceFormatException(source, "line 1", "the header is not valid: " + e.getMessage());
        }
    }

    /**
     * A line with more or fewer values than the header has columns cannot be read safely: an unquoted "King, Jr."
     * would otherwise shift every later value into the wrong field.
     */
    private static String valueCount(CSVRecord record, List<String> header) {
        if (record.size() == header.size()) {
            return null;
        }
        return "the line has " + record.size() + " values but the header names " + header.size() + " columns"
                + (record.size() > header.size() ? " (a value holding a comma must be in double quotes)" : "");
    }

    private static boolean hasNext(Iterator<CSVRecord> records, String source, long lineBefore)
            throws SourceFormatException {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw new SourceFormatException(source, "after line " + lineBefore,
                    "the CSV is malformed (" + e.getCause().getMessage() + ")");
        }
    }

    private void checkHeader(String source, List<String> header) throws SourceFormatException {
        for (String required : Schema.requiredFieldNames(entity)) {
            if (!header.contains(required)) {
                throw new SourceFormatException(source, "line 1", "the header has no column '" + required
                        + "' (it has " + String.join(", ", header) + ")");
            }
        }
    }
}
