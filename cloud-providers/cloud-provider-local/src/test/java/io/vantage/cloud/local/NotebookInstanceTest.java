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

import static org.assertj.core.api.Assertions.assertThat;

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
        Path notebooks = new InstanceStore(workDir).paths(created.computeId()).notebooks();
        assertThat(notebooks).isDirectory();
        assertThat(Files.readString(Path.of("/proc", Long.toString(processes(created.computeId()).get(0).pid()),
                "cmdline"))).contains("--notebook-dir=" + notebooks.toAbsolutePath()).doesNotContain(secret);
    }
}
