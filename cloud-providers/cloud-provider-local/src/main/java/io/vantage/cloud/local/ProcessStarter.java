package io.vantage.cloud.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Starts one instance process: as leader of a new session (so it survives the portal and can be ended with all its
 * children), as the instance's user when it has one, with input from /dev/null, output appended to its log, and a
 * small fresh environment. The portal's own environment may hold database and OIDC secrets, and a desktop user can
 * read any variable from a shell.
 * <p>
 * The user is taken on with {@code setpriv --reuid --regid --init-groups}: no shell and no login session in
 * between, and the supplementary groups are read from the group database at every start, so a group added to the
 * user (an experiment's data) applies from the next launch. The log file is opened by the portal, which keeps logs
 * where the user cannot replace them.
 */
final class ProcessStarter {

    private final Executables executables;

    ProcessStarter(Executables executables) {
        this.executables = executables;
    }

    Executables executables() {
        return executables;
    }

    ProcessRecord start(String role, boolean essential, List<String> command, Map<String, String> extraEnvironment,
                        InstancePaths paths) throws IOException {
        return start(role, essential, command, extraEnvironment, paths, null);
    }

    /** @param user the instance's user, or null to run as the portal's own user */
    ProcessRecord start(String role, boolean essential, List<String> command, Map<String, String> extraEnvironment,
                        InstancePaths paths, InstanceUser user) throws IOException {
        List<String> full = new ArrayList<>();
        full.add(executables.require("setsid"));
        if (user != null) {
            full.addAll(List.of(executables.require("setpriv"), "--reuid=" + user.uid(), "--regid=" + user.gid(),
                    "--init-groups", "--"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(paths.home().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(paths.log(role).toFile()))
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment(paths, user));
        builder.environment().putAll(extraEnvironment);
        rotate(paths.log(role));
        Process process = builder.start();
        long started = ProcessTree.startedAt(process.toHandle()).orElse(0L);
        return new ProcessRecord(role, process.pid(), started, essential);
    }

    /** The search path without folders an instance user cannot enter (a root portal's PATH may hold /root/...). */
    private String reachablePath() {
        return Arrays.stream(executables.searchPath().split(":"))
                .filter(entry -> !entry.isBlank() && InstanceIsolation.blockedAncestor(Path.of(entry)).isEmpty())
                .collect(Collectors.joining(":"));
    }

    /** Keeps the previous run's log for diagnosis, and lets readiness checks see only this run's output. */
    private static void rotate(Path log) throws IOException {
        if (Files.exists(log)) {
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Map<String, String> environment(InstancePaths paths, InstanceUser user) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PATH", user == null ? executables.searchPath() : reachablePath());
        environment.put("HOME", paths.home().toAbsolutePath().toString());
        String name = user != null ? user.name() : System.getProperty("user.name", "vantage");
        environment.put("USER", name);
        environment.put("LOGNAME", name);
        environment.put("SHELL", Files.isExecutable(Path.of("/bin/bash")) ? "/bin/bash" : "/bin/sh");
        String lang = System.getenv("LANG");
        environment.put("LANG", lang == null || lang.isBlank() ? "C.UTF-8" : lang);
        String timeZone = System.getenv("TZ");
        if (timeZone != null) {
            environment.put("TZ", timeZone);
        }
        return environment;
    }
}
