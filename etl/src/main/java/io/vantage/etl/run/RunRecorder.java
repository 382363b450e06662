package io.vantage.etl.run;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.domain.etl.EtlRun.Mode;
import io.vantage.etl.model.Problem;

/**
 * Writes etl_runs outside the import's transaction, so a run that rolls back (aborted, failed, dry) is still on
 * record, and a RUNNING row is visible while it works.
 */
final class RunRecorder {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MESSAGE_LENGTH = 4000;

    private final JdbcTemplate jdbc;

    RunRecorder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long start(Instant startedAt, String source, Mode mode, String triggeredBy) {
        return jdbc.queryForObject("insert into etl_runs (started_at, source, mode, outcome, triggered_by)"
                        + " values (?, ?, ?, 'RUNNING', ?) returning id", Long.class,
                Timestamp.from(startedAt), truncate(source, 255), mode.name(), truncate(triggeredBy, 64));
    }

    void finish(RunResult result, Instant finishedAt) {
        Map<String, Object> counts = new LinkedHashMap<>();
        result.counts().forEach(counts::put);
        List<Map<String, Object>> errors = new ArrayList<>();
        for (Problem problem : result.problems()) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("source", problem.source());
            error.put("location", problem.location());
            error.put("field", problem.field());
            error.put("message", problem.message());
            error.put("text", problem.text());
            errors.add(error);
        }
        jdbc.update("update etl_runs set finished_at = ?, outcome = ?, counts = ?::jsonb, errors = ?::jsonb,"
                        + " error_count = ?, message = ? where id = ?",
                Timestamp.from(finishedAt), result.outcome().name(), JSON.writeValueAsString(counts),
                JSON.writeValueAsString(errors), (int) Math.min(Integer.MAX_VALUE, result.errorCount()),
                truncate(result.message(), MESSAGE_LENGTH), result.runId());
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
