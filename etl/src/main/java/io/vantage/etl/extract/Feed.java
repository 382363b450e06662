package io.vantage.etl.extract;

import java.io.IOException;
import java.util.function.Consumer;

import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.RawRecord;

/** The records of one entity from one source, read lazily so large sources stream. */
public interface Feed {

    EntityType entity();

    /** File path or URL, for logs and the run's record. */
    String describe();

    /**
     * Hands every record to {@code sink}, in source order.
     *
     * @throws SourceFormatException when the source is unreadable as a whole (bad JSON, missing CSV column)
     * @throws IOException           when the source cannot be reached or read
     */
    void read(Consumer<RawRecord> sink) throws IOException;
}
