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

    final RowValidator validator = new RowValidator(ZoneId.of("Europe/Paris"),
            new RoleNames(List.of("ADMIN", "STAFF", "INSTRUMENT_SCIENTIST", "BEAMLINE"), Map.of("Staff", "STAFF")));
    final List<Problem> problems = new ArrayList<>();

    @Test
    void aMissingRequiredValueIsNamed() {
        assertThat(validate(EntityType.USERS, "id", "U1", "first_name", "Ada")).as("identity only")
                .containsExactly("U1", null, null, null, null);
        assertThat(messages()).containsExactly(
                "users.csv line 7, user 'U1', field last_name: a value is required but the field is missing or empty.");
    }

    @Test
    void tooLongValuesAreRejected() {
        validate(EntityType.INSTRUMENTS, "id", "x".repeat(65), "name", "D22");
        assertThat(messages()).containsExactly(
                "users.csv line 7, instrument '" + "x".repeat(65) + "', field id: the value is 65 characters long;"
                        + " at most 64 are allowed.");
    }

    @Test
    void badDatesAreRejected() {
        validate(EntityType.PROPOSALS, "id", "P1", "title", "T", "public_at", "31/12/2026");
        validate(EntityType.EXPERIMENTS, "id", "E1", "proposal_id", "P1", "instrument_id", "D22",
                "start_date", "2026-02-30T08:00:00Z", "end_date", "2026-03-01");
        assertThat(messages()).containsExactly(
                "users.csv line 7, proposal 'P1', field public_at: '31/12/2026' is not a date (expected ISO 8601 like"
                        + " 2024-05-31).",
                "users.csv line 7, experiment 'E1', field start_date: '2026-02-30T08:00:00Z' is not a date-time"
                        + " (expected ISO 8601 like 2024-05-31T08:00:00Z).");
    }

    @Test
    void anExperimentMustNotEndBeforeItStarts() {
        validate(EntityType.EXPERIMENTS, "id", "E1", "proposal_id", "P1", "instrument_id", "D22",
                "start_date", "2026-03-02T08:00:00Z", "end_date", "2026-03-01T08:00:00Z");
        assertThat(messages()).containsExactly("users.csv line 7, experiment 'E1', field end_date: the experiment ends"
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
        assertThat(messages()).containsExactly("users.csv line 7, experiment member 'E1 / U1', field role: 'boss' is not"
                + " a member role"
                + " (expected PRINCIPAL_INVESTIGATOR, MAIN_PROPOSER, LOCAL_CONTACT or PARTICIPANT).");
    }

    @Test
    void problemsFoundByTheExtractorAreReportedForTheirField() {
        RawRecord record = new RawRecord("https://uo.example/api/users?page=2", "record 3",
                Map.of("id", "U1"), Map.of("last_name", "expected a single value but found an object"));
        assertThat(validator.validate(EntityType.USERS, record, new String[5], problems::add)).isFalse();
        assertThat(messages()).containsExactly("https://uo.example/api/users?page=2 record 3, user 'U1', field"
                + " last_name: expected a single value but found an object.");
    }

    @Test
    void aLineWithTheWrongNumberOfValuesIsRejectedAsAWholeAndNamedByItsId() {
        RawRecord shifted = new RawRecord("users.csv", "line 9", Map.of("id", "U7", "first_name", "Martin Luther",
                "last_name", "King", "email", "Jr."), Map.of(), "the line has 6 values but the header names 5 columns");
        String[] row = new String[5];
        assertThat(validator.validate(EntityType.USERS, shifted, row, problems::add)).isFalse();
        assertThat(row).as("nothing of a shifted line is taken, but its identity").containsExactly("U7", null, null,
                null, null);
        assertThat(messages()).as("one problem, on the line, not on a column").containsExactly(
                "users.csv line 9, user 'U7': the line has 6 values but the header names 5 columns.");
        assertThat(problems.get(0).field()).isNull();
    }

    @Test
    void emailsAreCheckedAndLowerCased() {
        assertThat(validate(EntityType.USERS, "id", "U1", "last_name", "L", "email", "Ada.L@Example.ORG")[3])
                .isEqualTo("ada.l@example.org");
        validate(EntityType.USERS, "id", "U2", "last_name", "L", "email", "n/a");
        validate(EntityType.USERS, "id", "U3", "last_name", "L", "email", "two@at@example.org");
        validate(EntityType.USERS, "id", "U4", "last_name", "L", "email", "someone@localhost");
        assertThat(messages()).containsExactly(
                "users.csv line 7, user 'U2', field email: 'n/a' is not an e-mail address (expected name@domain;"
                        + " leave it empty when there is none).",
                "users.csv line 7, user 'U3', field email: 'two@at@example.org' is not an e-mail address (expected"
                        + " name@domain; leave it empty when there is none).",
                "users.csv line 7, user 'U4', field email: 'someone@localhost' is not an e-mail address (expected"
                        + " name@domain; leave it empty when there is none).");
    }

    @Test
    void roleNamesMustBeThePortalsOrMappedAndNeverAdmin() {
        assertThat(validate(EntityType.ROLES, "user_id", "U1", "role", "Staff")[1]).isEqualTo("STAFF");
        assertThat(validate(EntityType.ROLES, "user_id", "U1", "role", "BEAMLINE")[1]).as("a group made in the portal")
                .isEqualTo("BEAMLINE");
        validate(EntityType.ROLES, "user_id", "U1", "role", "staff");
        validate(EntityType.ROLES, "user_id", "U1", "role", "ADMIN");
        assertThat(messages()).containsExactly(
                "users.csv line 7, role grant 'U1 / staff', field role: 'staff' is not a role of the portal (BEAMLINE,"
                        + " INSTRUMENT_SCIENTIST, STAFF); create the group in the portal or map the name in"
                        + " vantage.etl.role-mapping.",
                "users.csv line 7, role grant 'U1 / ADMIN', field role: the import does not make anyone ADMIN (admins"
                        + " are named in the portal, or the name is mapped on purpose in vantage.etl.role-mapping).");
    }

    @Test
    void aMappingToARoleThePortalLacksIsAConfigurationError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RoleNames(List.of("STAFF"), Map.of("Staff", "STAF")))
                .hasMessage("vantage.etl.role-mapping maps 'Staff' to 'STAF', which is not a role of the portal (STAFF)");
    }

    @Test
    void controlCharactersAreRejectedButTitlesKeepTheirLineBreaks() {
        validate(EntityType.INSTRUMENTS, "id", "D22", "name", "D22\u0007");
        String[] proposal = validate(EntityType.PROPOSALS, "id", "P1", "title", "Two\nlines", "summary", "a\tb");
        assertThat(proposal[1]).isEqualTo("Two\nlines");
        assertThat(messages()).containsExactly("users.csv line 7, instrument 'D22', field name: the value holds a"
                + " control character (U+0007) at character 4.");
    }

    /** The staging row: all values when valid, only the identity when not. */
    private String[] validate(EntityType entity, String... pairs) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        String[] row = new String[io.vantage.etl.model.Schema.fields(entity).size()];
        validator.validate(entity, new RawRecord("users.csv", "line 7", values), row, problems::add);
        return row;
    }

    private List<String> messages() {
        return problems.stream().map(Problem::text).toList();
    }
}
