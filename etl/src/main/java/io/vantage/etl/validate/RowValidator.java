package io.vantage.etl.validate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.Field;
import io.vantage.etl.model.Problem;
import io.vantage.etl.model.RawRecord;
import io.vantage.etl.model.Schema;
import io.vantage.etl.model.Text;

/**
 * Checks one record on its own (required values, lengths, control characters, dates, e-mail addresses, roles,
 * encoding) and turns it into the staging row: the values in schema order, dates normalised to ISO text, e-mail
 * addresses in lower case. A record with problems still yields its identity (so it is known to be present and is
 * left as it is); checks across records run in SQL (SetChecks).
 */
public final class RowValidator {

    private static final Set<String> MEMBER_ROLES = Set.of("PRINCIPAL_INVESTIGATOR", "MAIN_PROPOSER",
            "LOCAL_CONTACT", "PARTICIPANT");
    // deliberately plain: one @, something before it, a dotted domain after it, no spaces
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private final ZoneId zone;
    private final RoleNames roles;
    /** The date-times of the record being checked, by field position (start and end are compared). */
    private final OffsetDateTime[] times = new OffsetDateTime[8];

    public RowValidator(ZoneId zone, RoleNames roles) {
        this.zone = zone;
        this.roles = roles;
    }

    /**
     * Fills {@code row} (schema order) and returns true, or reports every problem to {@code problems} and returns
     * false, with only the record's identity in {@code row}.
     */
    public boolean validate(EntityType entity, RawRecord record, String[] row, Consumer<Problem> problems) {
        List<Field> fields = Schema.fields(entity);
        String id = recordId(entity, record);
        if (record.recordProblem() != null) {
            problems.accept(Problem.of(entity, id, record.source(), record.location(), null, record.recordProblem()));
            identityOnly(entity, record, row);
            return false;
        }
        boolean valid = true;
        for (int i = 0; i < row.length; i++) {
            Field field = fields.get(i);
            String extractProblem = record.problems().get(field.name());
            String message = extractProblem != null ? extractProblem : check(field, record.get(field.name()), row, i);
            if (message != null) {
                problems.accept(Problem.of(entity, id, record.source(), record.location(), field.name(), message));
                valid = false;
            }
        }
        if (valid && entity == EntityType.EXPERIMENTS && times[5].isBefore(times[4])) {
            problems.accept(Problem.of(entity, id, record.source(), record.location(), "end_date",
                    "the experiment ends (" + row[5] + ") before it starts (" + row[4] + ")"));
            valid = false;
        }
        if (!valid) {
            identityOnly(entity, record, row);
        }
        return valid;
    }

    /** "U1003", or "EXP-1 / U1004" for a two-part key; a missing part shows as "?"; null when nothing is known. */
    public static String recordId(EntityType entity, RawRecord record) {
        List<String> key = Schema.key(entity);
        String first = record.get(key.get(0));
        if (key.size() == 1) {
            return first;
        }
        String second = record.get(key.get(1));
        if (first == null && second == null) {
            return null;
        }
        return (first == null ? "?" : first) + " / " + (second == null ? "?" : second);
    }

    private static void identityOnly(EntityType entity, RawRecord record, String[] row) {
        List<Field> fields = Schema.fields(entity);
        List<String> key = Schema.key(entity);
        for (int i = 0; i < row.length; i++) {
            String name = fields.get(i).name();
            String value = key.contains(name) ? record.get(name) : null;
            // PostgreSQL text cannot hold NUL; a rejected record's identity is only used to recognise it
            row[i] = value == null ? null : value.replace('\0', '\uFFFD');
        }
    }

    /** Puts the normalised value in {@code row[i]} and returns null, or returns what is wrong. */
    private String check(Field field, String value, String[] row, int i) {
        row[i] = null;
        if (value == null) {
            if (field.required()) {
                return "a value is required but the field is missing or empty";
            }
            row[i] = field.kind() == Field.Kind.MEMBER_ROLE ? "PARTICIPANT" : null;
            return null;
        }
        if (field.textual()) {
            String problem = textProblem(field, value);
            if (problem != null) {
                return problem;
            }
        }
        switch (field.kind()) {
            case TEXT, MULTILINE_TEXT -> row[i] = value;
            case EMAIL -> {
                if (!EMAIL.matcher(value).matches()) {
                    return "'" + value + "' is not an e-mail address (expected name@domain; leave it empty when"
                            + " there is none)";
                }
                row[i] = value.toLowerCase(Locale.ROOT);
            }
            case ROLE -> {
                row[i] = roles.resolve(value);
                if (row[i] == null) {
                    return roles.problem(value);
                }
            }
            case DATE -> {
                LocalDate date = IsoTimes.date(value);
                if (date == null) {
                    return "'" + value + "' is not a date (expected ISO 8601 like 2024-05-31)";
                }
                row[i] = date.toString();
            }
            case TIMESTAMP -> {
                OffsetDateTime time = IsoTimes.parse(value, zone);
                if (time == null) {
                    return "'" + value + "' is not a date-time (expected ISO 8601 like 2024-05-31T08:00:00Z)";
                }
                times[i] = time;
                row[i] = time.toString();
            }
            case MEMBER_ROLE -> {
                String role = value.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
                if (!MEMBER_ROLES.contains(role)) {
                    return "'" + value + "' is not a member role (expected PRINCIPAL_INVESTIGATOR, MAIN_PROPOSER, "
                            + "LOCAL_CONTACT or PARTICIPANT)";
                }
                row[i] = role;
            }
        }
        return null;
    }

    private static String textProblem(Field field, String value) {
        if (field.maxLength() > 0 && value.length() > field.maxLength()) {
            return "the value is " + value.length() + " characters long; at most " + field.maxLength()
                    + " are allowed";
        }
        int control = Text.controlCharacter(value, field.kind() == Field.Kind.MULTILINE_TEXT);
        if (control >= 0) {
            return "the value holds a control character (U+" + String.format("%04X", (int) value.charAt(control))
                    + ") at character " + (control + 1);
        }
        return null;
    }
}
