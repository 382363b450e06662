package io.vantage.etl.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import io.vantage.domain.etl.EtlRun.Outcome;
import io.vantage.etl.DatabaseTest;
import io.vantage.etl.config.EtlProperties;
import io.vantage.etl.run.ImportService;
import io.vantage.etl.run.RunResult;

class NightlyImportTest extends DatabaseTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    DataSource dataSource;

    @Autowired
    EtlProperties properties;

    final ApplicationContextRunner portal = new ApplicationContextRunner()
            .withUserConfiguration(NightlyImport.class, Props.class)
            .withBean(ImportService.class, () -> mock(ImportService.class))
            .withBean(LockProvider.class, () -> mock(LockProvider.class));

    @EnableConfigurationProperties(EtlProperties.class)
    static class Props {
    }

    @Test
    void thePortalOnlySchedulesWhenEnabled() {
        portal.run(context -> assertThat(context).doesNotHaveBean(NightlyImport.class));
        portal.withPropertyValues("vantage.etl.schedule.enabled=true")
                .run(context -> assertThat(context).hasSingleBean(NightlyImport.class));
        assertThat(this.context.getBeansOfType(NightlyImport.class)).as("off by default").isEmpty();
    }

    @Test
    void oneReplicaRunsWhileTheOtherSkips() {
        EtlProperties configured = properties(dir.toString());
        ImportService service = new ImportService(dataSource, configured,
                context.getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class),
                context.getBeanProvider(java.time.Clock.class));
        NightlyImport replica = new NightlyImport(service, new JdbcTemplateLockProvider(dataSource), configured,
                context.getBeanProvider(java.time.Clock.class));
        // another replica holds the lock right now
        jdbc.update("insert into shedlock (name, lock_until, locked_at, locked_by) values (?, ?, ?, 'replica-2')",
                NightlyImport.LOCK_NAME, java.sql.Timestamp.from(Instant.now().plus(1, ChronoUnit.HOURS)),
                java.sql.Timestamp.from(Instant.now()));

        assertThat(replica.run()).isNull();
        assertThat(jdbc.queryForObject("select count(*) from etl_runs", Integer.class)).isZero();

        jdbc.update("update shedlock set lock_until = now() - interval '1 second'"); // the other replica is done
        RunResult result = replica.run();

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(jdbc.queryForObject("select triggered_by from etl_runs", String.class)).isEqualTo("schedule");
        assertThat(jdbc.queryForObject("select lock_until > now() from shedlock where name = ?", Boolean.class,
                NightlyImport.LOCK_NAME)).as("held at least lock-at-least-for").isTrue();
        assertThat(replica.run()).as("a replica with a skewed clock skips").isNull();
    }

    private EtlProperties properties(String dir) {
        return new EtlProperties(properties.source(), properties.policy(), null, 200, properties.timeZone(), 1000,
                java.time.Duration.ofSeconds(10), new EtlProperties.Files(java.nio.file.Path.of(dir)),
                properties.rest(), properties.scicat(), properties.schedule(), properties.ending(), Map.of());
    }
}
