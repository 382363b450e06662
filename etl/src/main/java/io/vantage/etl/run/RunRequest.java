package io.vantage.etl.run;

import java.nio.file.Path;

import io.vantage.domain.etl.EtlRun.Policy;
import io.vantage.etl.config.EtlProperties.Source;

/**
 * One import to do; null values fall back to the configuration.
 *
 * @param policy       what to do with rows that have problems (null: vantage.etl.policy)
 * @param maxErrors    with SKIP_INVALID, the most problems a run may have (null: vantage.etl.max-errors)
 * @param confirmation an admin's yes to ending more than the allowed share, or null
 * @param triggeredBy  who asked: "cli", "schedule", a user id
 */
public record RunRequest(Source source, Path dir, Policy policy, Integer maxErrors, boolean dryRun,
                         EndingConfirmation confirmation, String triggeredBy) {

    public static RunRequest configured(String triggeredBy) {
        return new RunRequest(null, null, null, null, false, null, triggeredBy);
    }

    /** A dry run with the configured source and the given policy (null: the configured one). */
    public static RunRequest dryRun(Policy policy, String triggeredBy) {
        return new RunRequest(null, null, policy, null, true, null, triggeredBy);
    }
}
