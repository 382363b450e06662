package io.vantage.etl.run;

import java.nio.file.Path;

import io.vantage.etl.config.EtlProperties.Source;

/**
 * One import to do; null values fall back to the configuration.
 *
 * @param triggeredBy who asked: "cli", "schedule", a user id
 */
public record RunRequest(Source source, Path dir, Integer maxErrors, boolean dryRun, String triggeredBy) {

    public static RunRequest configured(String triggeredBy) {
        return new RunRequest(null, null, null, false, triggeredBy);
    }
}
