package io.vantage.etl.extract;

import java.io.IOException;
import java.util.List;

/** A user-office source: one feed per entity it delivers. Entities without a feed are not imported. */
public interface Extractor {

    /** Short description for etl_runs.source, e.g. "files:/data/uo" or "rest:https://uo/api". */
    String describe();

    List<Feed> feeds() throws IOException;
}
