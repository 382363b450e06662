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
import io.vantage.domain.etl.EtlRun.Policy;
import io.vantage.etl.model.Problem;

/**
 * Writes etl_runs and etl_run_problems outside the import's transaction, so a run that rolls back (aborted, failed,
 * dry, waiting for confirmation) is still on record with every problem, and a RUNNING row is visible while it works.
 */
final class RunRecorder {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MESSAGE_LENGTH = 4000;
    /** etl_runs.errors keeps a preview; the full list is in etl_run_problems. */
    private static final int PREVIEW = 20;
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    RunRecorder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long start(Instant startedAt, String source, Mode mode, Policy policy, String triggeredBy) {
        return jdbc.queryForObject("insert into etl_runs (started_at, source, mode, policy, outcome, triggered_by)"
                        + " values (?, ?, ?, ?, 'RUNNING', ?) returning id", Long.class,
                Timestamp.from(startedAt), truncate(source, 255), mode.name(), policy.name(),
                truncate(triggeredBy, 64));
    }

    void finish(RunResult result, Instant finishedAt) {
        Map<String, Object> counts = new LinkedHashMap<>();
        result.counts().forEach(counts::put);
        List<Map<String, Object>> preview = new ArrayList<>();
        for (Problem problem : result.problems().subList(0, Math.min(PREVIEW, result.problems().size()))) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("fatal", problem.fatal());
            error.put("entity", problem.entity() == null ? null : problem.entity().key());
            error.put("record_id", problem.recordId());
            error.put("source", problem.source());
            error.put("location", problem.location());
            error.put("field", problem.field());
            error.put("message", problem.message());
            error.put("text", problem.text());
            preview.add(error);
        }
        problems(result.runId(), result.problems());
        jdbc.update("update etl_runs set finished_at = ?, outcome = ?, counts = ?::jsonb, errors = ?::jsonb,"
                        + " error_count = ?, message = ? where id = ?",
                Timestamp.from(finishedAt), result.outcome().name(), JSON.writeValueAsString(counts),
                JSON.writeValueAsString(preview), (int) Math.min(Integer.MAX_VALUE, result.errorCount()),
                truncate(result.message(), MESSAGE_LENGTH), result.runId());
    }

    /** Numbered in listing order (fatal first, then by kind), which is the order the pages read them in. */
    private void problems(long runId, List<Problem> problems) {
        for (int from = 0; from < problems.size(); from += BATCH) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = from; i < Math.min(problems.size(), from + BATCH); i++) {
                Problem p = problems.get(i);
                rows.add(new Object[] {runId, i + 1, p.fatal(), p.entity() == null ? null : p.entity().key(),
                        truncate(p.recordId(), 255), truncate(p.source(), 2000), truncate(p.location(), 255),
                        truncate(p.field(), 64), truncate(p.message(), MESSAGE_LENGTH)});
            }
            jdbc.batchUpdate("insert into etl_run_problems (run_id, seq, fatal, entity, record_id, source, location,"
                    + " field, message) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        }
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
