package io.vantage.etl;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.domain.etl.EtlRun.Policy;
import io.vantage.etl.run.ImportService;
import io.vantage.etl.run.RunRequest;
import io.vantage.etl.run.RunResult;

/** Import tests on one shared fresh embedded PostgreSQL; every test starts from empty user-office tables. */
@SpringBootTest(classes = EtlTestApplication.class, properties = {
        "vantage.database.embedded.ephemeral=true",
        "spring.main.web-application-type=none",
        "spring.jpa.open-in-view=false"})
public abstract class DatabaseTest {

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected ImportService importService;

    @Autowired
    private org.springframework.context.ApplicationContext context;

    @TempDir
    protected Path dir;

    protected ImportFiles files;

    @BeforeEach
    void emptyTables() throws IOException {
        jdbc.execute("truncate employers, users, user_roles, instruments, instrument_scientists, proposals,"
                + " experiments, experiment_users, etl_runs, instances, cloud_providers, shedlock cascade");
        jdbc.update("delete from roles where kind = 'GROUP'");
        files = ImportFiles.sample(dir);
    }

    /** A run with the default policy, all-or-nothing. */
    protected RunResult run() {
        return run(false, Policy.ALL_OR_NOTHING);
    }

    protected RunResult run(boolean dryRun, Policy policy) {
        return importService.run(new RunRequest(null, dir, policy, null, dryRun, null, "test"));
    }

    /** Imports the valid rows, skips the invalid ones and changes nothing they touch. */
    protected RunResult runSkippingInvalid() {
        return run(false, Policy.SKIP_INVALID);
    }

    /** An import service configured with {@code vantage.etl.*} properties as an operator would write them. */
    protected ImportService serviceWith(java.util.Map<String, String> properties) {
        io.vantage.etl.config.EtlProperties etl = new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(properties))
                .bindOrCreate("vantage.etl", io.vantage.etl.config.EtlProperties.class);
        return new ImportService(context.getBean(javax.sql.DataSource.class), etl,
                context.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class),
                context.getBeanProvider(java.time.Clock.class));
    }

    /** A fingerprint of every table an import may write, to prove a run changed nothing. */
    protected String checksum() {
        return jdbc.queryForObject("""
                select md5(concat_ws('|',
                  (select string_agg(t::text, ',' order by id) from employers t),
                  (select string_agg(t::text, ',' order by id) from users t),
                  (select string_agg(t::text, ',' order by id) from roles t),
                  (select string_agg(t::text, ',' order by user_id, role_id) from user_roles t),
                  (select string_agg(t::text, ',' order by id) from instruments t),
                  (select string_agg(t::text, ',' order by instrument_id, user_id) from instrument_scientists t),
                  (select string_agg(t::text, ',' order by id) from proposals t),
                  (select string_agg(t::text, ',' order by id) from experiments t),
                  (select string_agg(t::text, ',' order by experiment_id, user_id) from experiment_users t),
                  (select string_agg(t::text, ',' order by id) from instances t)))""", String.class);
    }
}
