package io.vantage.cloud.local;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Endpoint;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class NotebookInstanceTest extends LocalProviderTestSupport {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void notebookAnswersUnderItsBaseUrlOnlyWithTheToken() throws Exception {
        CloudProvider provider = provider();
        String secret = newSecret();
        CloudInstance created = provider.compute().create(request("notebook", "uid-nb", secret));

        CloudInstance running = awaitState(provider, created.computeId(), CloudState.RUNNING);
        Endpoint jupyter = provider.network().endpoint(running, 8888).orElseThrow();
        URI status = URI.create("http://" + jupyter + "/instances/uid-nb/jupyter/api/status");

        HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(status)
                .header("Authorization", "token " + secret).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("\"started\"");

        HttpResponse<String> withoutToken = http.send(HttpRequest.newBuilder(status).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isIn(401, 403);

        HttpResponse<String> wrongToken = http.send(HttpRequest.newBuilder(status)
                .header("Authorization", "token nope").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongToken.statusCode()).isIn(401, 403);

        assertThat(provider.network().endpoint(running, 5901)).isEmpty();
        assertNotebookDirAndNoSecretOnTheCommandLine(created.computeId(), secret);
    }

    @Test
    void deleteEndsTheKernelsTooThoughTheyRunInTheirOwnSession() throws Exception {
        CloudProvider provider = provider();
        String secret = newSecret();
        CloudInstance running = awaitState(provider,
                provider.compute().create(request("notebook", "uid-kernel", secret)).computeId(), CloudState.RUNNING);
        Endpoint jupyter = provider.network().endpoint(running, 8888).orElseThrow();
        HttpResponse<String> kernel = http.send(HttpRequest.newBuilder(
                        URI.create("http://" + jupyter + "/instances/uid-kernel/jupyter/api/kernels"))
                .header("Authorization", "token " + secret)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"python3\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(kernel.statusCode()).as(kernel.body()).isEqualTo(201);
        ProcessHandle server = ProcessTree.find(processes(running.computeId()).get(0)).orElseThrow();
        Set<ProcessHandle> family = await().until(() -> server.descendants().collect(Collectors.toSet()),
                descendants -> !descendants.isEmpty());

        provider.compute().delete(running.computeId());

        assertThat(family).noneMatch(ProcessTree::isRunning);
        assertThat(ProcessTree.isRunning(server)).isFalse();
    }

    private void assertNotebookDirAndNoSecretOnTheCommandLine(String computeId, String secret) throws Exception {
        Path notebooks = new InstanceStore(workDir).paths(computeId).home();
        assertThat(notebooks).isDirectory();
        assertThat(Files.readString(Path.of("/proc", Long.toString(processes(computeId).get(0).pid()),
                "cmdline"))).contains("--notebook-dir=" + notebooks.toAbsolutePath()).doesNotContain(secret);
    }
}
