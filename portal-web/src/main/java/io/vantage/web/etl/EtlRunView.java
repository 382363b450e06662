package io.vantage.web.etl;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.domain.etl.EtlRun;
import io.vantage.etl.model.EntityType;

/**
 * One user-office import as the pages show it. Counts are stored as JSON by the ETL module, per kind in load order;
 * a record this page cannot read shows as empty rather than failing the page.
 *
 * @param counts per kind: received, inserted, updated, unchanged, ended, rejected
 */
record EtlRunView(Long id, Instant startedAt, Instant finishedAt, String source, String mode, String policy,
                  String outcome, String triggeredBy, int errorCount, String message,
                  Map<String, Map<String, Long>> counts) {

    /** The columns of the counts table, in the order a user office reads them. */
    static final List<String> COLUMNS = List.of("inserted", "updated", "ended", "unchanged", "rejected");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static EtlRunView of(EtlRun run) {
        return new EtlRunView(run.getId(), run.getStartedAt(), run.getFinishedAt(), run.getSource(),
                run.getMode().name(), run.getPolicy() == null ? "ALL_OR_NOTHING" : run.getPolicy().name(),
                run.getOutcome().name(), run.getTriggeredBy(), run.getErrorCount(), run.getMessage(),
                read(run.getCounts()));
    }

    public List<String> columns() {
        return COLUMNS;
    }

    /** One count of one kind (0 when the record has none, as older runs lack "rejected"). */
    public long count(String kind, String column) {
        Map<String, Long> row = counts.get(kind);
        return row == null || row.get(column) == null ? 0 : row.get(column);
    }

    public long total(String column) {
        return counts.keySet().stream().mapToLong(kind -> count(kind, column)).sum();
    }

    /** Rows with problems that the run skipped. */
    public long skipped() {
        return total("rejected");
    }

    /**
     * The status as a user office reads it: a success with skipped rows is not a plain success. A key of
     * messages-admin.properties ({@code admin.etl.status.*}, with the skipped rows as argument).
     */
    public String status() {
        return outcome.equals("SUCCEEDED") && skipped() > 0 ? "SUCCEEDED_WITH_SKIPPED" : outcome;
    }

    /** Bootstrap badge colour: green only for a clean success, amber for skipped rows or a run waiting for a yes. */
    public String statusClass() {
        return switch (status()) {
            case "SUCCEEDED" -> "text-bg-success";
            case "SUCCEEDED_WITH_SKIPPED", "NEEDS_CONFIRMATION" -> "text-bg-warning";
            case "RUNNING" -> "text-bg-info";
            default -> "text-bg-danger";
        };
    }

    public String alertClass() {
        return statusClass().replace("text-bg-", "alert-");
    }

    /** A held import of real data can be confirmed; a dry run only shows what would happen. */
    public boolean awaitsConfirmation() {
        return outcome.equals("NEEDS_CONFIRMATION") && mode.equals("RUN");
    }

    /** What the held run would have ended per kind: the most a confirmation allows. */
    Map<String, Long> endedByKind() {
        Map<String, Long> ended = new LinkedHashMap<>();
        counts.keySet().forEach(kind -> ended.put(kind, count(kind, "ended")));
        return ended;
    }

    /** In load order (jsonb keeps its keys in an order of its own). */
    private static Map<String, Map<String, Long>> read(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        Map<String, Map<String, Long>> stored;
        try {
            stored = JSON.readValue(json, new TypeReference<Map<String, Map<String, Long>>>() { });
        } catch (JacksonException e) {
            return Map.of();
        }
        Map<String, Map<String, Long>> ordered = new LinkedHashMap<>();
        for (EntityType kind : EntityType.values()) {
            if (stored.containsKey(kind.key())) {
                ordered.put(kind.key(), stored.get(kind.key()));
            }
        }
        stored.forEach(ordered::putIfAbsent);
        return ordered;
    }
}
