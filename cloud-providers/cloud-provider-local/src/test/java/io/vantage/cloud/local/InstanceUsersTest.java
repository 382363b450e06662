package io.vantage.cloud.local;

import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** With a root portal, every instance is a Unix user of its own, made at create and removed at delete. */
class InstanceUsersTest extends LocalProviderTestSupport {

    private static final Set<String> INSTANCE_VARIABLES = Set.of("PATH", "HOME", "USER", "LOGNAME", "SHELL", "LANG",
            "TZ", "JUPYTER_TOKEN_FILE", "JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR",
            "VANTAGE_EXPERIMENTS"); // the image contract's variable (ExperimentData)

    @BeforeEach
    void needsRoot() {
        RootOnly.require("users per instance need a root portal");
    }

    @Test
    void aNotebookRunsAsItsOwnUserWithAPrivateHomeSecretsAndACleanEnvironment() throws Exception {
        CloudProvider provider = provider();
        String computeId = provider.compute().create(request("notebook", "uid-Home.1", newSecret())).computeId();
        awaitState(provider, computeId, CloudState.RUNNING);

        InstanceUser user = record(computeId).user();
        InstancePaths paths = new InstanceStore(workDir).paths(computeId);
        assertThat(user.name()).isEqualTo("vi-uid-home-1");
        UserAccounts.Account account = UserAccounts.lookup(user.name()).orElseThrow();
        assertThat(account.uid()).isEqualTo(user.uid()).isNotZero();
        assertThat(account.home()).isEqualTo(paths.home().toAbsolutePath());
        assertThat(mode(paths.home())).isEqualTo("rwx------");
        assertThat(owner(paths.home())).containsExactly(user.uid(), user.gid());
        assertThat(mode(paths.secrets())).isEqualTo("rwx--x---");
        assertThat(owner(paths.secrets())).containsExactly(0, user.gid());
        assertThat(mode(paths.jupyterToken())).isEqualTo("rw-------");
        assertThat(owner(paths.jupyterToken())).containsExactly(user.uid(), user.gid());
        assertThat(owner(paths.recordFile())).containsExactly(0, 0);

        long pid = processes(computeId).get(0).pid();
        assertThat(uids(pid)).containsOnly(user.uid());
        assertThat(status(pid, "Groups:")).isEqualTo(Integer.toString(user.gid()));
        assertThat(Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"))).doesNotContain("--allow-root");
        Map<String, String> environment = environment(pid);
        assertThat(INSTANCE_VARIABLES).containsAll(environment.keySet());
        assertThat(environment).containsEntry("HOME", paths.home().toAbsolutePath().toString())
                .containsEntry("USER", user.name()).containsEntry("LOGNAME", user.name())
                .containsEntry("SHELL", "/bin/bash");
        assertThat(environment.get("PATH").split(":"))
                .allMatch(entry -> InstanceIsolation.blockedAncestor(Path.of(entry)).isEmpty());
    }

    @Test
    void deleteEndsWhatTheUserStillRunsThenRemovesTheUserItsHomeAndItsTemporaryFiles() throws Exception {
        CloudProvider provider = provider();
        String computeId = provider.compute().create(request("desktop", "uid-leaver", newSecret())).computeId();
        awaitState(provider, computeId, CloudState.RUNNING);
        InstanceUser user = record(computeId).user();
        Path leftover = Path.of("/tmp", "vantage-test-leftover-" + user.uid());
        // user code that leaves the instance's sessions, as a daemon would, and writes into the shared /tmp
        runAsInstanceUser(computeId, "import subprocess; subprocess.Popen(['setsid', 'sleep', '300'], "
                + "start_new_session=True); open('" + leftover + "', 'w').write('x'); print('@' * 4)");
        List<Long> escaped = await().until(() -> UserProcesses.of(user.uid()).stream()
                .filter(pid -> ProcessTree.family(processes(computeId)).stream().noneMatch(h -> h.pid() == pid))
                .toList(), pids -> !pids.isEmpty());
        Path folder = new InstanceStore(workDir).paths(computeId).root();

        provider.compute().delete(computeId);

        assertThat(escaped).noneMatch(pid -> ProcessHandle.of(pid).filter(ProcessTree::isRunning).isPresent());
        assertThat(UserProcesses.of(user.uid())).isEmpty();
        assertThat(UserAccounts.lookup(user.name())).isEmpty();
        assertThat(Files.readAllLines(Path.of("/etc/group"))).noneMatch(line -> line.startsWith(user.name() + ":"));
        assertThat(folder).doesNotExist();
        assertThat(leftover).doesNotExist();
    }

    @Test
    void aUserRemovedBehindTheProvidersBackIsMadeAgainAtTheNextStart() throws Exception {
        CloudProvider provider = provider();
        String computeId = provider.compute().create(request("desktop", "uid-again", newSecret())).computeId();
        awaitState(provider, computeId, CloudState.RUNNING);
        provider.compute().stop(computeId);
        InstanceUser before = record(computeId).user();
        new UserAccounts(LocalPackages.systemTools()).delete(before);
        Path home = new InstanceStore(workDir).paths(computeId).home();
        Files.writeString(home.resolve("notes.txt"), "kept");
        Path outside = Files.writeString(workDir.resolve("root-only"), "not the user's");
        Files.createLink(home.resolve("linked"), outside);

        provider.compute().start(computeId);
        awaitState(provider, computeId, CloudState.RUNNING);

        InstanceUser after = record(computeId).user();
        assertThat(UserAccounts.lookup(after.name()).orElseThrow().uid()).isEqualTo(after.uid());
        assertThat(owner(home)).containsExactly(after.uid(), after.gid());
        assertThat(owner(home.resolve("notes.txt"))).containsExactly(after.uid(), after.gid());
        assertThat(owner(outside)).as("a hard link's other name is not given away").containsExactly(0, 0);
        assertThat(processes(computeId)).allSatisfy(process -> assertThat(uids(process.pid())).containsOnly(after.uid()));
    }

    @Test
    void aNameTakenByAnotherAccountIsLeftAloneAndTheComputeIdNamesTheUser() throws Exception {
        Path elsewhere = Files.createDirectories(workDir.resolve("elsewhere"));
        UserAccounts accounts = new UserAccounts(LocalPackages.systemTools());
        InstanceUser stranger = accounts.create(List.of("vi-uid-taken"), elsewhere.toAbsolutePath());
        try {
            CloudProvider provider = provider();
            String computeId = provider.compute().create(request("desktop", "uid-taken", newSecret())).computeId();

            assertThat(record(computeId).user().name()).isEqualTo("vi-" + computeId.substring("local-".length()));
            provider.compute().delete(computeId);
            assertThat(UserAccounts.lookup("vi-uid-taken")).isPresent();
        } finally {
            accounts.delete(stranger);
        }
    }

    @Test
    void aWorkDirOtherUsersCannotReachIsRefusedWithTheFixAndLeavesNoUser() throws Exception {
        Path closed = Files.createDirectory(workDir.resolve("closed"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        CloudProvider provider = provider(DEPLOYMENT, settings().withWorkDir(closed.resolve("local").toString()));

        assertThatThrownBy(() -> provider.compute().create(request("desktop", "uid-closed", newSecret())))
                .isInstanceOf(CloudPermanentException.class)
                .hasMessageContaining(closed.toString()).hasMessageContaining("chmod o+x");
        assertThat(UserAccounts.lookup("vi-uid-closed")).isEmpty();
        assertThat(provider.compute().list()).isEmpty();
        assertThat(provider.checkHealth().up()).isFalse();
        assertThat(provider.checkHealth().message()).contains(closed.toString());
    }

    @Test
    void namesComeFromTheInstanceUidInTheCharactersUseraddTakes() {
        assertThat(UserAccounts.nameFor("k3xp9qz2mwa7")).isEqualTo("vi-k3xp9qz2mwa7");
        assertThat(UserAccounts.nameFor("Ab.c/d")).isEqualTo("vi-ab-c-d");
        assertThat(UserAccounts.nameFor("x".repeat(40))).hasSize(32).startsWith("vi-xxx");
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private static List<Integer> owner(Path path) throws Exception {
        return List.of((Integer) Files.getAttribute(path, "unix:uid"), (Integer) Files.getAttribute(path, "unix:gid"));
    }

    private static String status(long pid, String field) throws Exception {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith(field)).findFirst().orElseThrow().substring(field.length()).trim();
    }

    private static Map<String, String> environment(long pid) throws Exception {
        String raw = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ")),
                StandardCharsets.UTF_8);
        return Arrays.stream(raw.split("\0")).filter(entry -> entry.contains("="))
                .collect(Collectors.toMap(entry -> entry.substring(0, entry.indexOf('=')),
                        entry -> entry.substring(entry.indexOf('=') + 1)));
    }
}
