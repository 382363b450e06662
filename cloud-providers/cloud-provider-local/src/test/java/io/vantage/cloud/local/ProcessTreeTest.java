package io.vantage.cloud.local;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProcessTreeTest {

    @TempDir
    Path workDir;

    private final List<ProcessRecord> started = new ArrayList<>();

    @Test
    void endsTheSessionIncludingChildrenThatIgnoreSigterm() throws Exception {
        // the shell's children ignore SIGTERM, and one of them is orphaned when the shell dies
        ProcessRecord leader = start("trap '' TERM; sleep 300 & (sleep 301 &) ; exec sleep 302");
        await().until(() -> ProcessTree.family(List.of(leader)).size() == 3);
        Set<ProcessHandle> family = ProcessTree.family(List.of(leader));

        long begin = System.nanoTime();
        ProcessTree.terminate(List.of(leader), Duration.ofMillis(500));

        assertThat(family).noneMatch(ProcessTree::isRunning);
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void neverSignalsAProcessThatOnlyReusesThePid() throws Exception {
        ProcessRecord real = start("exec sleep 300");
        ProcessRecord impostor = new ProcessRecord("sleep", real.pid(), real.startedAtMillis() - 60_000, true);

        assertThat(ProcessTree.isAlive(impostor)).isFalse();
        ProcessTree.terminate(List.of(impostor), Duration.ofMillis(200));

        assertThat(ProcessTree.isAlive(real)).isTrue();
    }

    @Test
    void aDeadLeadersSessionIsTakenOnlyForTheInstancesUser() throws Exception {
        RootOnly.require("starting a session member as another user");
        int nobody = 65534;
        // the leader leaves a member running as another user and exits: the session outlives its leader, as a
        // stranger's session would that got the leader's pid once the kernel gave it out again
        ProcessRecord leader = start("setpriv --reuid=" + nobody + " --regid=" + nobody
                + " --clear-groups -- sleep 300 & exit 0");
        await().until(() -> !ProcessTree.isAlive(leader) && ProcessTree.family(List.of(leader), nobody).size() == 1);
        ProcessHandle member = ProcessTree.family(List.of(leader), nobody).iterator().next();

        assertThat(ProcessTree.family(List.of(leader), ProcessTree.uidOf(null)))
                .as("the portal's own processes' view of the session").isEmpty();
        ProcessTree.terminate(List.of(leader), ProcessTree.uidOf(null), Duration.ofMillis(200));
        assertThat(ProcessTree.isRunning(member)).as("another user's process in that session").isTrue();

        ProcessTree.terminate(List.of(leader), nobody, Duration.ofMillis(200));
        assertThat(ProcessTree.isRunning(member)).as("the session member of the instance's own user").isFalse();
    }

    private ProcessRecord start(String script) throws Exception {
        InstancePaths paths = new InstancePaths(workDir);
        SecureFiles.directory(paths.home());
        SecureFiles.directory(paths.logs());
        ProcessRecord process = new ProcessStarter(new Executables(System.getenv("PATH")))
                .start("sh", true, List.of("/bin/sh", "-c", script), Map.of(), paths);
        started.add(process);
        return process;
    }

    @AfterEach
    void endEverything() {
        ProcessTree.terminate(started, Duration.ofMillis(200));
    }
}
