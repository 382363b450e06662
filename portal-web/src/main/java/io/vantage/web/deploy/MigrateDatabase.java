package io.vantage.web.deploy;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Applies the Flyway migrations and exits: only a data source and Flyway, configured like the portal
 * ({@code spring.datasource.*}, {@code spring.flyway.*} from the same files and environment), but with Flyway on
 * whatever the configuration says, since the portal itself then runs with {@code spring.flyway.enabled=false}.
 * Not a {@code @Configuration}: the portal's component scan must never pick it up.
 */
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
class MigrateDatabase {

    private static final AtomicReference<MigrateResult> RESULT = new AtomicReference<>();

    static int run(String... args) {
        SpringApplication application = new SpringApplication(MigrateDatabase.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        // A database that starts together with the release gets a minute before the Job fails.
        application.setDefaultProperties(Map.of("spring.flyway.connect-retries", "6"));
        // Repeated, a command-line option would read "false,true": the given one is dropped instead.
        String[] arguments = Stream.concat(Arrays.stream(args).filter(a -> !a.startsWith("--spring.flyway.enabled=")),
                Stream.of("--spring.flyway.enabled=true")).toArray(String[]::new);
        RESULT.set(null);
        try (ConfigurableApplicationContext context = application.run(arguments)) {
            MigrateResult result = RESULT.get();
            if (result == null) {
                System.err.println("migrate: Flyway did not run (no data source configured?)");
                return 1;
            }
            System.out.printf("Database schema at version %s: %d migration(s) applied now.%n",
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                    result.migrationsExecuted);
            return 0;
        } catch (RuntimeException e) {
            System.err.println("migrate: " + rootMessage(e));
            return 1;
        }
    }

    @Bean
    FlywayMigrationStrategy recordingMigration() {
        return flyway -> RESULT.set(flyway.migrate());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
