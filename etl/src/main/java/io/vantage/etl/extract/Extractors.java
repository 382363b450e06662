package io.vantage.etl.extract;

import java.nio.file.Path;

import io.vantage.etl.config.EtlProperties;
import io.vantage.etl.config.EtlProperties.Source;
import io.vantage.etl.extract.files.FileExtractor;
import io.vantage.etl.extract.rest.RestExtractor;
import io.vantage.etl.extract.rest.SciCatPreset;

/** Picks the extractor the configuration (or the command line) asks for. */
public final class Extractors {

    private Extractors() {
    }

    /** @param dir overrides {@code vantage.etl.files.dir} when not null */
    public static Extractor create(Source source, Path dir, EtlProperties properties) {
        return switch (source) {
            case FILES -> new FileExtractor(dir != null ? dir : properties.files().dir());
            case REST -> new RestExtractor("rest", properties.rest());
            case SCICAT -> SciCatPreset.extractor(properties.scicat());
        };
    }
}
