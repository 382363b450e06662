package io.vantage.etl.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.Banner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import io.vantage.etl.run.ImportService;
import io.vantage.etl.run.ProblemCsv;
import io.vantage.etl.run.RunRequest;
import io.vantage.etl.run.RunResult;
import io.vantage.etl.run.RunSummary;

/**
 * The ETL as a command: one import, a summary on the console, an exit code. Configuration comes from
 * {@code vantage-etl.yml} (in the jar, next to it or in ./config), environment variables and {@code --key=value}.
 * This package is the only one the portal excludes from its scan.
 */
@SpringBootApplication(scanBasePackages = "io.vantage.etl")
public class EtlApplication {

    static final int USAGE_ERROR = 64;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one import and returns the exit code; the context is closed when it returns. */
    public static int run(String... args) {
        SpringApplication application = new SpringApplication(EtlApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setDefaultProperties(Map.of("spring.config.name", "vantage-etl"));
        try (ConfigurableApplicationContext context = application.run(args)) {
            return SpringApplication.exit(context);
        } catch (RuntimeException e) {
            // startup failures (no database, bad configuration) are already logged by Spring Boot
            System.err.println("vantage-etl could not start: " + rootMessage(e));
            return 1;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** Holds the exit code of the run for {@link SpringApplication#exit}. */
    static final class Outcome implements ExitCodeGenerator {
        private int code;

        @Override
        public int getExitCode() {
            return code;
        }
    }

    private static void writeProblems(RunResult result, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ProblemCsv csv = new ProblemCsv(out);
            result.problems().forEach(csv::row);
            csv.flush();
        }
        System.out.println("  " + result.problems().size() + " problem(s) written to " + file
                + (result.problems().size() < result.errorCount() ? " (the first " + result.problems().size()
                + " of " + result.errorCount() + ": vantage.etl.max-stored-errors)" : ""));
    }

    @Bean
    Outcome outcome() {
        return new Outcome();
    }

    @Bean
    org.springframework.boot.ApplicationRunner importRunner(ImportService importService, Outcome outcome) {
        return (ApplicationArguments args) -> {
            if (CommandLine.wantsHelp(args)) {
                System.out.println(CommandLine.USAGE);
                return;
            }
            try {
                RunRequest request = CommandLine.parse(args);
                Path problemsFile = CommandLine.problemsFile(args);
                RunResult result = importService.run(request);
                System.out.print(RunSummary.render(result));
                outcome.code = result.exitCode();
                if (problemsFile != null) {
                    writeProblems(result, problemsFile);
                }
            } catch (IllegalArgumentException e) {
                System.err.println("vantage-etl: " + e.getMessage());
                System.err.println(CommandLine.USAGE);
                outcome.code = USAGE_ERROR;
            }
        };
    }
}
