package io.vantage.etl.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.Problem;
import io.vantage.etl.model.RawRecord;

class RowValidatorTest {

    final RowValidator validator = new RowValidator(ZoneId.of("Europe/Paris"));
    final List<Problem> problems = new ArrayList<>();

    @Test
    void aMissingRequiredValueIsNamed() {
        assertThat(validate(EntityType.USERS, "id", "U1", "first_name", "Ada")).isNull();
        assertThat(messages()).containsExactly(
                "users.csv line 7, field last_name: a value is required but the field is missing or empty.");
    }

    @Test
    void tooLongValuesAreRejected() {
        validate(EntityType.INSTRUMENTS, "id", "x".repeat(65), "name", "D22");
        assertThat(messages()).containsExactly(
                "users.csv line 7, field id: the value is 65 characters long; at most 64 are allowed.");
    }

    @Test
    void badDatesAreRejected() {
        validate(EntityType.PROPOSALS, "id", "P1", "title", "T", "public_at", "31/12/2026");
        validate(EntityType.EXPERIMENTS, "id", "E1", "proposal_id", "P1", "instrument_id", "D22",
                "start_date", "2026-02-30T08:00:00Z", "end_date", "2026-03-01");
        assertThat(messages()).containsExactly(
                "users.csv line 7, field public_at: '31/12/2026' is not a date (expected ISO 8601 like 2024-05-31).",
                "users.csv line 7, field start_date: '2026-02-30T08:00:00Z' is not a date-time"
                        + " (expected ISO 8601 like 2024-05-31T08:00:00Z).");
    }

    @Test
    void anExperimentMustNotEndBeforeItStarts() {
        validate(EntityType.EXPERIMENTS, "id", "E1", "proposal_id", "P1", "instrument_id", "D22",
                "start_date", "2026-03-02T08:00:00Z", "end_date", "2026-03-01T08:00:00Z");
        assertThat(messages()).containsExactly("users.csv line 7, field end_date: the experiment ends"
                + " (2026-03-01T08:00Z) before it starts (2026-03-02T08:00Z).");
    }

    @Test
    void timesWithoutOffsetAreInTheConfiguredZoneAndDatesStartTheDay() {
        String[] row = validate(EntityType.EXPERIMENTS, "id", "E1", "proposal_id", "P1", "instrument_id", "D22",
                "start_date", "2026-07-01 08:00:00", "end_date", "2026-07-03");
        assertThat(problems).isEmpty();
        assertThat(row[4]).isEqualTo("2026-07-01T08:00+02:00");
        assertThat(row[5]).isEqualTo("2026-07-03T00:00+02:00");
    }

    @Test
    void memberRolesAreNormalisedAndDefaultToParticipant() {
        assertThat(validate(EntityType.EXPERIMENT_MEMBERS, "experiment_id", "E1", "user_id", "U1",
                "role", "local contact")[2]).isEqualTo("LOCAL_CONTACT");
        assertThat(validate(EntityType.EXPERIMENT_MEMBERS, "experiment_id", "E1", "user_id", "U1")[2])
                .isEqualTo("PARTICIPANT");
        validate(EntityType.EXPERIMENT_MEMBERS, "experiment_id", "E1", "user_id", "U1", "role", "boss");
        assertThat(messages()).containsExactly("users.csv line 7, field role: 'boss' is not a member role"
                + " (expected PRINCIPAL_INVESTIGATOR, MAIN_PROPOSER, LOCAL_CONTACT or PARTICIPANT).");
    }

    @Test
    void problemsFoundByTheExtractorAreReportedForTheirField() {
        RawRecord record = new RawRecord("https://uo.example/api/users?page=2", "record 3",
                Map.of("id", "U1"), Map.of("last_name", "expected a single value but found an object"));
        assertThat(validator.validate(EntityType.USERS, record, problems::add)).isNull();
        assertThat(messages()).containsExactly("https://uo.example/api/users?page=2 record 3, field last_name:"
                + " expected a single value but found an object.");
    }

    private String[] validate(EntityType entity, String... pairs) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return validator.validate(entity, new RawRecord("users.csv", "line 7", values), problems::add);
    }

    private List<String> messages() {
        return problems.stream().map(Problem::text).toList();
    }
}
