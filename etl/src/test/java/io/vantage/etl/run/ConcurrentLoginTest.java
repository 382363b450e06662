package io.vantage.etl.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.vantage.domain.etl.EtlRun.Outcome;
import io.vantage.etl.DatabaseTest;
import io.vantage.etl.load.EntityCounts;

/** The portal creates people at their first login; one created while the import runs does not fail the import. */
class ConcurrentLoginTest extends DatabaseTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aPersonALoginCreatesWhileTheImportRunsIsUpdatedNotAnError() throws Exception {
        try (Connection login = dataSource.getConnection()) {
            login.setAutoCommit(false);
            try (Statement statement = login.createStatement()) {
                statement.execute("insert into users (id, last_name, email) values ('U1003', 'Tanaka', 'aiko@idp.example')");
            }
            CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(this::run);
            // the import's insert of U1003 waits for the login's transaction
            await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select count(*) from"
                    + " pg_stat_activity where wait_event_type = 'Lock' and query like '%insert into users%'",
                    Integer.class) > 0);
            login.commit();

            RunResult result = running.get(60, TimeUnit.SECONDS);

            assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(result.counts().get("users")).isEqualTo(new EntityCounts(6, 5, 1, 0, 0, 0));
            assertThat(jdbc.queryForObject("select source || ' ' || email from users where id = 'U1003'",
                    String.class)).isEqualTo("USER_OFFICE aiko.tanaka@esrf.example");
        }
    }
}
