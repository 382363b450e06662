package io.vantage.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.vantage.api.testing.PortalTest;

/** The user-office import pages as a user office reads them. */
@PortalTest
class EtlRunPagesTest extends AdminPageTest {

    // jsonb keeps keys in an order of its own: the page must put them back in load order
    static final String COUNTS = """
            {"experiment_members": {"received": 40, "inserted": 0, "updated": 0, "unchanged": 38, "ended": 1, "rejected": 2},
             "users": {"received": 12, "inserted": 5, "updated": 2, "unchanged": 4, "ended": 0, "rejected": 1},
             "experiments": {"received": 3, "inserted": 0, "updated": 0, "unchanged": 3, "ended": 0, "rejected": 0}}""";

    @Test
    void aRunShowsItsCountsPerKindInLoadOrderAndIsAmberWhenRowsWereSkipped() throws Exception {
        long run = run("RUN", "SKIP_INVALID", "SUCCEEDED", COUNTS, 3, "inserted 5, updated 2, ended 1 rows");

        String html = page("/admin/etl-runs/" + run);

        assertThat(rowsOf(html, "counts")).containsExactly(
                "People|5|2|0|4|1", "Experiments|0|0|0|3|0", "Experiment members|0|0|1|38|2");
        assertThat(html).containsPattern("<span class=\"badge text-bg-warning\" id=\"run-status\""
                + " data-status=\"SUCCEEDED_WITH_SKIPPED\">Succeeded with 3 rows skipped</span>");
        assertThat(html).contains("skip them, change nothing they touch").contains("<th class=\"text-end\">Ended</th>");

        String list = page("/admin/etl-runs");
        Matcher row = Pattern.compile("<tr data-run-id=\"" + run + "\".*?</tr>", Pattern.DOTALL).matcher(list);
        assertThat(row.find()).isTrue();
        assertThat(row.group()).contains("text-bg-warning", "Succeeded with 3 rows skipped", "+5 ~2 \u22121",
                "\u00b7 3 skipped");
    }

    @Test
    void aCleanRunIsGreenAndAStoppedOneIsRed() throws Exception {
        String clean = page("/admin/etl-runs/" + run("RUN", "ALL_OR_NOTHING", "SUCCEEDED",
                COUNTS.replace("\"rejected\": 2", "\"rejected\": 0").replace("\"rejected\": 1", "\"rejected\": 0"), 0,
                "inserted 5"));
        String stopped = page("/admin/etl-runs/" + run("RUN", "ALL_OR_NOTHING", "ABORTED", "{}", 4, "Aborted"));

        assertThat(clean).contains("<span class=\"badge text-bg-success\" id=\"run-status\" data-status=\"SUCCEEDED\">"
                + "Succeeded</span>");
        assertThat(stopped).contains("data-status=\"ABORTED\">Stopped: nothing changed</span>")
                .contains("It stopped before changing anything.");
    }

    @Test
    void everyProblemIsListedFatalFirstPagedWithItsRecordAndDownloadableAsCsv() throws Exception {
        long run = run("RUN", "ALL_OR_NOTHING", "ABORTED", "{}", 61, "Aborted: users.csv could not be read");
        jdbc.update("insert into etl_run_problems (run_id, seq, fatal, entity, record_id, source, location, field,"
                + " message) values (?, 1, true, 'users', null, 'users.csv', 'line 1', null,"
                + " 'the header has no column ''last_name''')", run);
        for (int i = 2; i <= 61; i++) {
            jdbc.update("insert into etl_run_problems (run_id, seq, entity, record_id, source, location, field, message)"
                    + " values (?, ?, 'experiments', ?, 'experiments.csv', ?, 'start_date', ?)", run, i, "EXP-" + i,
                    "line " + i, i == 61 ? "=HYPERLINK(\"x\") is not a date-time" : "'2025-13-05' is not a date-time");
        }

        String first = page("/admin/etl-runs/" + run);
        String second = page("/admin/etl-runs/" + run + "?page=1");

        assertThat(first).contains("Problems (61)");
        List<String> firstRows = rowsOf(first, "errors");
        assertThat(firstRows).hasSize(50);
        assertThat(firstRows.get(0)).isEqualTo("fatal|users.csv|line 1||the header has no column 'last_name'");
        assertThat(firstRows.get(1)).isEqualTo("experiment EXP-2|experiments.csv|line 2|start_date|'2025-13-05' is not"
                + " a date-time");
        assertThat(rowsOf(second, "errors")).hasSize(11).last().asString().startsWith("experiment EXP-61|");
        assertThat(first).contains("Page 1 of 2");

        HttpResponse<String> csv = admin.get("/admin/etl-runs/" + run + "/problems.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(62);
        assertThat(lines.get(0)).isEqualTo("\uFEFFseverity,kind,record_id,file,line,field,problem");
        assertThat(lines.get(1)).isEqualTo("fatal,users,,users.csv,line 1,,the header has no column 'last_name'");
        assertThat(lines.get(61)).as("no formula from the export reaches a spreadsheet")
                .isEqualTo("row,experiments,EXP-61,experiments.csv,line 61,start_date,\"'=HYPERLINK(\"\"x\"\") is not a"
                        + " date-time\"");
    }

    @Test
    void aHeldImportIsConfirmedFromItsPageOnlyWhileItIsTheLatest() throws Exception {
        long held = run("RUN", "SKIP_INVALID", "NEEDS_CONFIRMATION", COUNTS, 0, "Stopped before changing anything");
        String page = page("/admin/etl-runs/" + held);
        assertThat(page).contains("id=\"confirm-ending\"", "Waiting for confirmation", "What it would have done")
                .contains("data-status=\"NEEDS_CONFIRMATION\"");

        String after = postRedirects("/admin/etl-runs/" + held, "/admin/etl-runs/" + held + "/confirm", Map.of(),
                "/admin/etl-runs");

        assertThat(flash(after)).contains("Import started with the ending shown by import " + held + " confirmed");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from etl_runs"
                + " where id > ? and mode = 'RUN' and policy = 'SKIP_INVALID' and triggered_by = 'admin'"
                + " and outcome <> 'RUNNING'", Integer.class, held) > 0);
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'admin.etl.confirm'"
                + " and target_id = ? and outcome = 'SUCCESS'", Integer.class, String.valueOf(held))).isOne();

        assertThat(page("/admin/etl-runs/" + held)).as("a newer import ran").doesNotContain("id=\"confirm-ending\"");
        String again = postRedirects("/admin/etl-runs/" + held, "/admin/etl-runs/" + held + "/confirm", Map.of(),
                "/admin/etl-runs/" + held);
        assertThat(flash(again)).startsWith("warning: Only the latest import can be confirmed");
    }

    @Test
    void aDryRunCanBeStartedWithEitherPolicy() throws Exception {
        String after = postRedirects("/admin/etl-runs", "/admin/etl-runs/dry-run", Map.of("policy", "SKIP_INVALID"),
                "/admin/etl-runs");

        assertThat(flash(after)).contains("Dry run started");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) from etl_runs"
                + " where mode = 'DRY_RUN' and policy = 'SKIP_INVALID' and triggered_by = 'admin'"
                + " and outcome <> 'RUNNING'", Integer.class) > 0);
        assertThat(page("/admin/etl-runs")).contains("<option value=\"SKIP_INVALID\">skip them, change nothing they"
                + " touch</option>");
    }

    private long run(String mode, String policy, String outcome, String counts, int errors, String message) {
        return jdbc.queryForObject("""
                insert into etl_runs (started_at, finished_at, source, mode, policy, outcome, triggered_by, counts,
                                      error_count, message)
                values (now(), now(), 'files:/srv/user-office', ?, ?, ?, 'schedule', ?::jsonb, ?, ?) returning id""",
                Long.class, mode, policy, outcome, counts, errors, message);
    }

    /** The body rows of a table, each as its cells' texts joined by "|" (white space collapsed). */
    static List<String> rowsOf(String html, String tableId) {
        Matcher table = Pattern.compile("<table[^>]*id=\"" + tableId + "\".*?<tbody>(.*?)</tbody>", Pattern.DOTALL)
                .matcher(html);
        assertThat(table.find()).as("table " + tableId).isTrue();
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(table.group(1));
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL).matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
            }
            rows.add(String.join("|", cells));
        }
        return rows;
    }
}
