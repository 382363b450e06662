package io.vantage.etl.validate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.Field;
import io.vantage.etl.model.Problem;
import io.vantage.etl.model.RawRecord;
import io.vantage.etl.model.Schema;

/**
 * Checks one record on its own (required values, lengths, dates, roles, encoding) and turns it into the staging
 * row: the values in schema order, dates normalised to ISO text. Checks across records run in SQL (SetChecks).
 */
public final class RowValidator {

    private static final Set<String> MEMBER_ROLES = Set.of("PRINCIPAL_INVESTIGATOR", "MAIN_PROPOSER",
            "LOCAL_CONTACT", "PARTICIPANT");

    private final ZoneId zone;

    public RowValidator(ZoneId zone) {
        this.zone = zone;
    }

    /** The staging values, or null when the record has problems (each reported to {@code problems}). */
    public String[] validate(EntityType entity, RawRecord record, Consumer<Problem> problems) {
        List<Field> fields = Schema.fields(entity);
        String[] row = new String[fields.size()];
        boolean valid = true;
        for (int i = 0; i < row.length; i++) {
            Field field = fields.get(i);
            String extractProblem = record.problems().get(field.name());
            String message = extractProblem != null ? extractProblem : check(field, record.get(field.name()), row, i);
            if (message != null) {
                problems.accept(new Problem(record.source(), record.location(), field.name(), message));
                valid = false;
            }
        }
        if (valid && entity == EntityType.EXPERIMENTS
                && OffsetDateTime.parse(row[5]).isBefore(OffsetDateTime.parse(row[4]))) {
            problems.accept(new Problem(record.source(), record.location(), "end_date",
                    "the experiment ends (" + row[5] + ") before it starts (" + row[4] + ")"));
            valid = false;
        }
        return valid ? row : null;
    }

    /** Puts the normalised value in {@code row[i]} and returns null, or returns what is wrong. */
    private String check(Field field, String value, String[] row, int i) {
        if (value == null) {
            if (field.required()) {
                return "a value is required but the field is missing or empty";
            }
            row[i] = field.kind() == Field.Kind.MEMBER_ROLE ? "PARTICIPANT" : null;
            return null;
        }
        switch (field.kind()) {
            case TEXT -> {
                if (field.maxLength() > 0 && value.length() > field.maxLength()) {
                    return "the value is " + value.length() + " characters long; at most " + field.maxLength()
                            + " are allowed";
                }
                row[i] = value;
            }
            case DATE -> {
                try {
                    row[i] = LocalDate.parse(value).toString();
                } catch (DateTimeParseException e) {
                    return "'" + value + "' is not a date (expected ISO 8601 like 2024-05-31)";
                }
            }
            case TIMESTAMP -> {
                OffsetDateTime time = timestamp(value);
                if (time == null) {
                    return "'" + value + "' is not a date-time (expected ISO 8601 like 2024-05-31T08:00:00Z)";
                }
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

    /** With an offset as given; without one in the configured zone; a bare date is the start of that day. */
    private OffsetDateTime timestamp(String value) {
        String text = value.length() > 10 && value.charAt(10) == ' ' ? value.replaceFirst(" ", "T") : value;
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException ignored) {
            // try the forms without an offset
        }
        try {
            return LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException ignored) {
            // try a plain date
        }
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
