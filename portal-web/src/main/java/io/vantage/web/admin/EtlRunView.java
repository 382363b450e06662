package io.vantage.web.admin;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.domain.etl.EtlRun;

/**
 * One user-office import as the pages show it. Counts and errors are stored as JSON by the ETL module; a record
 * this page cannot read shows as empty rather than failing the page.
 *
 * @param counts per entity: received, inserted, updated, unchanged, ended
 * @param errors the first problems: source, location, field, message, text
 */
record EtlRunView(Long id, Instant startedAt, Instant finishedAt, String source, String mode, String outcome,
                  String triggeredBy, int errorCount, String message, Map<String, Map<String, Long>> counts,
                  List<Map<String, Object>> errors) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static EtlRunView of(EtlRun run) {
        return new EtlRunView(run.getId(), run.getStartedAt(), run.getFinishedAt(), run.getSource(),
                run.getMode().name(), run.getOutcome().name(), run.getTriggeredBy(), run.getErrorCount(),
                run.getMessage(), read(run.getCounts(), new TypeReference<LinkedHashMap<String, Map<String, Long>>>() { },
                        Map.of()),
                read(run.getErrors(), new TypeReference<List<Map<String, Object>>>() { }, List.of()));
    }

    private static <T> T read(String json, TypeReference<? extends T> type, T empty) {
        if (json == null || json.isBlank()) {
            return empty;
        }
        try {
            return JSON.readValue(json, type);
        } catch (JacksonException e) {
            return empty;
        }
    }
}
