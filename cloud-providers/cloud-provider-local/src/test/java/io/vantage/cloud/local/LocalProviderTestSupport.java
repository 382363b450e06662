package io.vantage.cloud.local;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.InstanceMetadata;
import io.vantage.cloud.api.ProviderContext;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Providers on a fresh work dir with real processes. After every test, pass or fail, it ends every process of every
 * instance in the work dir, whatever provider or deployment made it.
 */
abstract class LocalProviderTestSupport {

    static final String DEPLOYMENT = "test-deployment";
    static final Duration LAUNCH = Duration.ofSeconds(40);

    @TempDir
    Path workDir;

    private final List<CloudProvider> providers = new ArrayList<>();

    LocalSettings settings() {
        return LocalSettings.defaults().withWorkDir(workDir.toString()).withStopGrace(Duration.ofSeconds(2));
    }

    CloudProvider provider() {
        return provider(DEPLOYMENT, settings());
    }

    CloudProvider provider(String deploymentId, LocalSettings settings) {
        CloudProvider provider = new LocalProviderFactory().create("local-test", settings,
                new ProviderContext(deploymentId, null, Duration.ofSeconds(20)));
        providers.add(provider);
        return provider;
    }

    static String newSecret() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static CreateInstanceRequest request(String imageId, String uid, String secret) {
        return request(imageId, DEPLOYMENT, uid, secret);
    }

    static CreateInstanceRequest request(String imageId, String deploymentId, String uid, String secret) {
        return request(imageId, deploymentId, uid, "alice", secret);
    }

    static CreateInstanceRequest request(String imageId, String deploymentId, String uid, String owner,
                                         String secret) {
        InstanceMetadata metadata = new InstanceMetadata(deploymentId, uid, owner, List.of("exp-1"),
                1024, 768, "us", secret);
        return new CreateInstanceRequest("test " + imageId, imageId, "small", null, null, metadata, null);
    }

    /** Waits for the state; while waiting for anything but ERROR, an ERROR ends the wait with its fault. */
    static CloudInstance awaitState(CloudProvider provider, String computeId, CloudState state) {
        ConditionFactory waiting = await().atMost(LAUNCH);
        if (state != CloudState.ERROR) {
            waiting = waiting.failFast("instance went to ERROR", () -> {
                CloudInstance instance = provider.compute().get(computeId).orElseThrow();
                assertThat(instance.state()).as(instance.fault()).isNotEqualTo(CloudState.ERROR);
            });
        }
        return waiting.until(() -> provider.compute().get(computeId).orElseThrow(),
                instance -> instance.state() == state);
    }

    static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    InstanceRecord record(String computeId) {
        return new InstanceStore(workDir).load(computeId).orElseThrow();
    }

    /** Real, effective, saved and filesystem uid of a live process, from /proc/PID/status. */
    static List<Integer> uids(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("Uid:")).findFirst().map(line -> line.substring(4).trim())
                .map(ids -> java.util.Arrays.stream(ids.split("\\s+")).map(Integer::valueOf).toList())
                .orElseThrow();
    }

    /**
     * Runs Python as the instance's user exactly as the provider starts its processes (same starter, user and
     * environment), and returns what it printed between the {@code @@} markers, decoded.
     */
    String runAsInstanceUser(String computeId, String code) throws Exception {
        InstanceRecord record = record(computeId);
        InstancePaths paths = new InstanceStore(workDir).paths(computeId);
        ProcessRecord process = new ProcessStarter(new Executables(settings().executablePath()))
                .start("probe", false, List.of("python3", "-c", code), Map.of(), paths, record.user());
        ProcessHandle.of(process.pid()).ifPresent(handle -> handle.onExit().join());
        String output = paths.readLog("probe");
        Matcher answer = Pattern.compile("@@([0-9a-f]*)@@").matcher(output);
        assertThat(answer.find()).as(output).isTrue();
        return new String(HexFormat.of().parseHex(answer.group(1)), StandardCharsets.UTF_8);
    }

    /** The processes of an instance as recorded on disk. */
    List<ProcessRecord> processes(String computeId) {
        return new InstanceStore(workDir).load(computeId).map(InstanceRecord::processes).orElse(List.of());
    }

    /** Also removes the users of instances a test left behind, with whatever they still run or left in /tmp. */
    @AfterEach
    void endEveryProcess() {
        providers.forEach(CloudProvider::close);
        for (InstanceRecord record : new InstanceStore(workDir).all()) {
            ProcessTree.terminate(record.processes(), Duration.ofSeconds(2));
            removeUser(record.user());
        }
    }

    static void removeUser(InstanceUser user) {
        if (user == null || !UserAccounts.stillOurs(user)) {
            return;
        }
        UserProcesses.killAll(user, new Executables(System.getenv("PATH")).require("setpriv"));
        UserProcesses.removeTemporaryFiles(user.uid());
        new UserAccounts(LocalPackages.systemTools()).delete(user);
    }
}
