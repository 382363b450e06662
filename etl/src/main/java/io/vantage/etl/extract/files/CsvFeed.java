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
            Iterator<CSVRecord> records = parser.iterator();
            long lineBefore = parser.getCurrentLineNumber();
            while (hasNext(records, source, lineBefore)) {
                CSVRecord record = records.next();
                long line = lineBefore + 1;
                lineBefore = parser.getCurrentLineNumber();
                Map<String, String> values = new HashMap<>();
                boolean blank = true;
                for (String column : header) {
                    String value = record.isSet(column) ? JsonValues.blankToNull(record.get(column)) : null;
                    values.put(column, value);
                    blank &= value == null;
                }
                if (blank) {
                    continue;
                }
                Map<String, String> problems = new HashMap<>();
                TextFiles.flagBadEncoding(values, problems);
                if (record.size() > header.size()) {
                    problems.put(header.get(header.size() - 1), "the line has " + record.size()
                            + " values but the header names " + header.size() + " columns");
                }
                sink.accept(new RawRecord(source, "line " + line, values, problems));
            }
        } catch (IllegalArgumentException e) {
            // commons-csv rejects duplicate or empty header names this way
            throw new SourceFormatException(source, "line 1", "the header is not valid: " + e.getMessage());
        }
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
