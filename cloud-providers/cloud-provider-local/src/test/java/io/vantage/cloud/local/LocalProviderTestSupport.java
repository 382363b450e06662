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
        InstanceMetadata metadata = new InstanceMetadata(deploymentId, uid, "alice", List.of("exp-1"),
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

    /** The processes of an instance as recorded on disk. */
    List<ProcessRecord> processes(String computeId) {
        return new InstanceStore(workDir).load(computeId).map(InstanceRecord::processes).orElse(List.of());
    }

    @AfterEach
    void endEveryProcess() {
        providers.forEach(CloudProvider::close);
        for (InstanceRecord record : new InstanceStore(workDir).all()) {
            ProcessTree.terminate(record.processes(), Duration.ofSeconds(2));
        }
    }
}
