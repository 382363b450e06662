package io.vantage.etl.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.springframework.boot.ApplicationArguments;

import io.vantage.domain.etl.EtlRun.Policy;
import io.vantage.etl.config.EtlProperties.Source;
import io.vantage.etl.run.EndingConfirmation;
import io.vantage.etl.run.RunRequest;

/** The CLI's own options; anything else on the command line is a Spring property ({@code --vantage.etl...}). */
final class CommandLine {

    static final String USAGE = """
            Usage: java -jar vantage-etl.jar [--dry-run] [--source=files|rest|scicat] [--dir=FOLDER]
                     [--policy=all-or-nothing|skip-invalid] [--max-errors=N] [--confirm-ending] [--problems=FILE]
                     [--spring.datasource.url=jdbc:postgresql://...] [--vantage.etl.KEY=VALUE ...]
              --dry-run          check and count everything, write nothing (but the run's record)
              --source=S         files (default, see --dir), rest (vantage.etl.rest.*) or scicat (vantage.etl.scicat.*)
              --dir=FOLDER       folder with users.csv|json, proposals.csv|json, ... (vantage.etl.files.dir)
              --policy=P         all-or-nothing (default): any problem stops the run, nothing changes;
                                 skip-invalid: rows with problems are skipped, nothing they touch changes
              --max-errors=N     with skip-invalid: stop anyway when there are more problems than N
              --confirm-ending   end what the export no longer lists even beyond vantage.etl.ending.max-percent
              --problems=FILE    write every problem to FILE as CSV (record id, file, line, field, problem)
              --help             this text
            Exit codes: 0 succeeded, 1 failed, 2 aborted on data problems, 3 stopped: it would end more than the
            allowed share (check the export, then run with --confirm-ending), 64 bad command line.""";

    private static final Set<String> OWN = Set.of("dry-run", "source", "dir", "policy", "max-errors",
            "confirm-ending", "problems", "help");

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
        for (String flag : List.of("dry-run", "confirm-ending")) {
            if (args.containsOption(flag) && !single(args, flag, true).isEmpty()) {
                throw new IllegalArgumentException("--" + flag + " takes no value");
            }
        }
        Policy policy = null;
        if (args.containsOption("policy")) {
            String value = single(args, "policy", false);
            try {
                policy = Policy.valueOf(value.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--policy must be all-or-nothing or skip-invalid, not '" + value
                        + "'");
            }
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
        if (maxErrors != null && policy == Policy.ALL_OR_NOTHING) {
            throw new IllegalArgumentException("--max-errors only applies with --policy=skip-invalid"
                    + " (all-or-nothing stops at the first problem)");
        }
        EndingConfirmation confirmation = args.containsOption("confirm-ending") ? EndingConfirmation.any() : null;
        return new RunRequest(source, dir, policy, maxErrors, args.containsOption("dry-run"), confirmation, "cli");
    }

    /** The file --problems names, or null. */
    static Path problemsFile(ApplicationArguments args) {
        return args.containsOption("problems") ? Path.of(single(args, "problems", false)) : null;
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
