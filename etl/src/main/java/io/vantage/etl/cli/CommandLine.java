package io.vantage.etl.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;

import io.vantage.etl.config.EtlProperties.Source;
import io.vantage.etl.run.RunRequest;

/** The CLI's own options; anything else on the command line is a Spring property ({@code --vantage.etl...}). */
final class CommandLine {

    static final String USAGE = """
            Usage: java -jar vantage-etl.jar [--dry-run] [--source=files|rest|scicat] [--dir=FOLDER] [--max-errors=N]
                                             [--spring.datasource.url=jdbc:postgresql://...] [--vantage.etl.KEY=VALUE ...]
              --dry-run        check and count everything, write nothing (but the run's record)
              --source=S       files (default, see --dir), rest (vantage.etl.rest.*) or scicat (vantage.etl.scicat.*)
              --dir=FOLDER     folder with users.csv|json, proposals.csv|json, ... (vantage.etl.files.dir)
              --max-errors=N   problems tolerated (rows skipped) before aborting; default 0
              --help           this text
            Exit codes: 0 succeeded, 1 failed, 2 aborted on data problems, 64 bad command line.""";

    private static final Set<String> OWN = Set.of("dry-run", "source", "dir", "max-errors", "help");

    private CommandLine() {
    }

    static boolean wantsHelp(ApplicationArguments args) {
        return args.containsOption("help");
    }

    /** @throws IllegalArgumentException with a message for the user */
    static RunRequest parse(ApplicationArguments args) {
        if (!args.getNonOptionArgs().isEmpty()) {
            throw new IllegalArgumentException("unexpected argument(s) " + args.getNonOptionArgs());
        }
        for (String option : args.getOptionNames()) {
            if (!OWN.contains(option) && !option.contains(".")) {
                throw new IllegalArgumentException("unknown option --" + option);
            }
        }
        if (args.containsOption("dry-run") && !single(args, "dry-run", true).isEmpty()) {
            throw new IllegalArgumentException("--dry-run takes no value");
        }
        Source source = null;
        if (args.containsOption("source")) {
            String value = single(args, "source", false);
            try {
                source = Source.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--source must be files, rest or scicat, not '" + value + "'");
            }
        }
        Path dir = args.containsOption("dir") ? Path.of(single(args, "dir", false)) : null;
        Integer maxErrors = null;
        if (args.containsOption("max-errors")) {
            String value = single(args, "max-errors", false);
            try {
                maxErrors = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                maxErrors = -1;
            }
            if (maxErrors < 0) {
                throw new IllegalArgumentException("--max-errors must be a whole number >= 0, not '" + value + "'");
            }
        }
        return new RunRequest(source, dir, maxErrors, args.containsOption("dry-run"), "cli");
    }

    private static String single(ApplicationArguments args, String name, boolean flag) {
        List<String> values = args.getOptionValues(name);
        if (values.size() > 1) {
            throw new IllegalArgumentException("--" + name + " is given more than once");
        }
        if (values.isEmpty()) {
            if (flag) {
                return "";
            }
            throw new IllegalArgumentException("--" + name + " needs a value: --" + name + "=...");
        }
        return values.get(0);
    }
}
