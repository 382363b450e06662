package io.vantage.etl.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vantage.domain.etl.EtlRun.Outcome;
import io.vantage.domain.etl.EtlRun.Policy;
import io.vantage.etl.DatabaseTest;
import io.vantage.etl.ImportFiles;

/** A truncated export never strips a facility's people of their access: it stops and waits for confirmation. */
class EndingLimitTest extends DatabaseTest {

    @BeforeEach
    void cleanExportImported() throws Exception {
        ImportFiles.copy(ImportFiles.MESSY.resolve("clean"), dir);
        assertThat(run().outcome()).isEqualTo(Outcome.SUCCEEDED);
    }

    @Test
    void aTruncatedExportStopsForConfirmationChangesNothingAndEndsWhenConfirmed() throws Exception {
        ImportFiles.copy(ImportFiles.MESSY.resolve("truncated"), dir);
        String before = checksum();

        RunResult held = run();

        assertThat(held.outcome()).isEqualTo(Outcome.NEEDS_CONFIRMATION);
        assertThat(held.exitCode()).isEqualTo(3);
        assertThat(checksum()).as("nothing changed").isEqualTo(before);
        assertThat(held.message()).startsWith("Stopped before changing anything: this export would end 35 of 53"
                + " experiment memberships (66.0 %), more than the 5 % one import may end without confirmation.");
        assertThat(held.counts().get("experiment_members").ended()).as("what it would have done").isEqualTo(35);
        assertThat(jdbc.queryForObject("select outcome from etl_runs where id = ?", String.class, held.runId()))
                .isEqualTo("NEEDS_CONFIRMATION");

        RunResult tooLittle = importService.run(new RunRequest(null, dir, null, null, false,
                EndingConfirmation.of(held.runId(), Map.of("experiment_members", 20L)), "admin"));
        assertThat(tooLittle.outcome()).as("a confirmation covers what the held run showed, not more")
                .isEqualTo(Outcome.NEEDS_CONFIRMATION);
        assertThat(checksum()).isEqualTo(before);

        RunResult confirmed = importService.run(new RunRequest(null, dir, null, null, false,
                EndingConfirmation.of(held.runId(), Map.of("experiment_members", 35L)), "admin"));

        assertThat(confirmed.outcome()).as(confirmed.message()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(confirmed.message()).endsWith("Ending confirmed after import #" + held.runId() + ".");
        assertThat(jdbc.queryForObject("select count(*) from experiment_users where ended_at is not null"
                + " and ended_reason like 'absent from the export of %'", Integer.class)).isEqualTo(35);
    }

    @Test
    void peopleCutFromTheExportAreMarkedInactiveOnlyWhenConfirmedAndTheirInstancesAreReported() throws Exception {
        ownedInstance("U100139");
        String users = files.read("users.csv");
        // the transfer stopped in the middle of the 13th person's line
        int cut = users.indexOf("U100112,") + "U100112,Ki".length();
        Files.writeString(dir.resolve("users.csv"), users.substring(0, cut));
        String before = checksum();

        RunResult held = runSkippingInvalid();

        assertThat(held.outcome()).isEqualTo(Outcome.NEEDS_CONFIRMATION);
        assertThat(held.message()).contains("27 of 40 people (67.5 %)");
        assertThat(checksum()).isEqualTo(before);
        assertThat(MessyExportTest.texts(held)).contains("users.csv line 14, user 'U100112': the line has 2 values"
                + " but the header names 5 columns.");

        RunResult confirmed = serviceWith(Map.of()).run(new RunRequest(null, dir, Policy.SKIP_INVALID, null, false,
                EndingConfirmation.any(), "cli"));

        assertThat(confirmed.outcome()).as(confirmed.message()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(confirmed.counts().get("users").ended()).isEqualTo(27);
        assertThat(confirmed.message()).contains("27 people are no longer in the export and marked inactive (not"
                + " deleted). They own 1 instance(s), which the import leaves as they are");
        assertThat(jdbc.queryForObject("select count(*) from users", Integer.class)).as("not deleted").isEqualTo(40);
        assertThat(jdbc.queryForObject("select inactive_reason from users where id = 'U100139'", String.class))
                .startsWith("absent from the export of ");
        assertThat(jdbc.queryForObject("select inactive_since is null from users where id = 'U100112'", Boolean.class))
                .as("the cut line is present, though rejected").isTrue();
        assertThat(jdbc.queryForObject("select state from instances where id = 900", String.class)).isEqualTo("ACTIVE");
    }

    @Test
    void theShareIsConfigurable() throws Exception {
        ImportFiles.copy(ImportFiles.MESSY.resolve("truncated"), dir);

        RunResult result = serviceWith(Map.of("vantage.etl.ending.max-percent", "70"))
                .run(new RunRequest(null, dir, null, null, false, null, "test"));

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.counts().get("experiment_members").ended()).isEqualTo(35);
    }

    private void ownedInstance(String owner) {
        jdbc.update("insert into cloud_providers (id, name, type) values (900, 'local', 'LOCAL')");
        jdbc.update("insert into images (id, name, provider_id, provider_image_id) values (900, 'desktop', 900, 'd')"
                + " on conflict do nothing");
        jdbc.update("insert into flavours (id, name, cpu, memory_mib, provider_id, provider_flavour_id)"
                + " values (900, 'small', 1, 1024, 900, 's') on conflict do nothing");
        jdbc.update("insert into plans (id, image_id, flavour_id) values (900, 900, 900) on conflict do nothing");
        jdbc.update("insert into instances (id, uid, name, plan_id, provider_id, state, screen_width, screen_height,"
                + " access_secret) values (900, 'abc', 'analysis', 900, 900, 'ACTIVE', 1920, 1080, 's')");
        jdbc.update("insert into instance_members (instance_id, user_id, role) values (900, ?, 'OWNER')", owner);
    }
}
