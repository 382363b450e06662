package io.vantage.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a synthetic user office as CSV files: {@code scale} = 1 gives 100k users, 100k proposals, 200k experiments
 * and 1M experiment members; {@code scale} = 50 a fiftieth of each. Deterministic, so runs compare.
 */
final class DataGenerator {

    private static final Instant EPOCH = Instant.parse("2020-01-01T08:00:00Z");

    private DataGenerator() {
    }

    static Path write(Path dir, int divisor, boolean withRolesAndScientists) throws IOException {
        Files.createDirectories(dir);
        int users = 100_000 / divisor;
        int proposals = 100_000 / divisor;
        int experiments = 200_000 / divisor;
        int employers = Math.max(10, 1_000 / divisor);
        int instruments = 50;
        try (CSVPrinter out = csv(dir, "employers.csv", "id", "name", "town", "country_code")) {
            for (int i = 0; i < employers; i++) {
                out.printRecord("EMP" + i, "Institute " + i, "Town " + (i % 97), "FR");
            }
        }
        try (CSVPrinter out = csv(dir, "users.csv", "id", "first_name", "last_name", "email", "employer_id")) {
            for (int i = 0; i < users; i++) {
                out.printRecord("U" + i, "First" + i, "Last" + i, "user" + i + "@example.org", "EMP" + (i % employers));
            }
        }
        try (CSVPrinter out = csv(dir, "roles.csv", "user_id", "role", "expires_at")) {
            for (int i = 0; withRolesAndScientists && i < users; i += 10) {
                out.printRecord("U" + i, i % 20 == 0 ? "STAFF" : "GROUP_" + (i % 7), null);
            }
        }
        try (CSVPrinter out = csv(dir, "instruments.csv", "id", "name")) {
            for (int i = 0; i < instruments; i++) {
                out.printRecord("I" + i, "Instrument " + i);
            }
        }
        try (CSVPrinter out = csv(dir, "instrument_scientists.csv", "instrument_id", "user_id")) {
            for (int i = 0; withRolesAndScientists && i < instruments * 2; i++) {
                out.printRecord("I" + (i % instruments), "U" + (i * 31 % users));
            }
        }
        try (CSVPrinter out = csv(dir, "proposals.csv", "id", "title", "summary", "doi", "public_at")) {
            for (int i = 0; i < proposals; i++) {
                out.printRecord("P" + i, "Proposal number " + i + " on the structure of things", "Summary " + i,
                        "10.5291/P" + i, "2030-01-01");
            }
        }
        try (CSVPrinter out = csv(dir, "experiments.csv", "id", "proposal_id", "instrument_id", "title", "start_date",
                "end_date", "doi")) {
            for (int i = 0; i < experiments; i++) {
                Instant start = EPOCH.plus(i % 2000, ChronoUnit.DAYS);
                out.printRecord("E" + i, "P" + (i / 2), "I" + (i % instruments), "Beamtime " + i, start,
                        start.plus(3, ChronoUnit.DAYS), null);
            }
        }
        try (CSVPrinter out = csv(dir, "experiment_members.csv", "experiment_id", "user_id", "role")) {
            for (int i = 0; i < experiments; i++) {
                for (int k = 0; k < 5; k++) {
                    out.printRecord("E" + i, "U" + ((i * 7 + k * 13) % users), k == 0 ? "PRINCIPAL_INVESTIGATOR"
                            : "PARTICIPANT");
                }
            }
        }
        return dir;
    }

    private static CSVPrinter csv(Path dir, String name, String... header) throws IOException {
        Writer writer = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
        return new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header).get());
    }
}
