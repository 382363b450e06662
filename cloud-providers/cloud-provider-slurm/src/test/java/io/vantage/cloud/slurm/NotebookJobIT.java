package io.vantage.cloud.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.Endpoint;

/** A notebook as a real Slurm job: Jupyter under the portal's base URL, the instance secret as its token. */
class NotebookJobIT {

    private static SlurmCluster cluster;
    private final String deployment = "it-" + UUID.randomUUID();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private CloudProvider provider;

    @BeforeAll
    static void cluster() {
        cluster = SlurmCluster.require();
    }

    @AfterEach
    void cancelLeftovers() {
        if (provider != null) {
            provider.compute().list().forEach(job -> provider.compute().delete(job.computeId()));
        }
    }

    @Test
    void notebookJobAnswersUnderItsBaseUrlWithTheSecretAsToken() throws Exception {
        provider = cluster.provider(TestSettings.against(cluster).build(), deployment);
        Compute compute = provider.compute();
        CreateInstanceRequest request = Requests.of(deployment, "notebook", "small");
        assertThat(provider.catalogue().image("notebook").orElseThrow().properties())
                .containsEntry("protocol", "jupyter").containsEntry("port", "8888")
                .containsEntry("base-url", "/instances/{uid}/jupyter/");

        String jobId = compute.create(request).computeId();
        CloudInstance running = Jobs.await(compute, jobId, CloudState.RUNNING);
        Endpoint jupyter = provider.network().endpoint(running, 8888).orElseThrow();
        String base = "http://" + jupyter + "/instances/" + request.metadata().instanceUid() + "/jupyter/";

        HttpResponse<String> withToken = get(base + "api/status", "token " + request.metadata().secret());
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("\"started\"");
        HttpResponse<String> contents = get(base + "api/contents", "token " + request.metadata().secret());
        assertThat(contents.statusCode()).isEqualTo(200);
        assertThat(get(base + "api/status", "token wrong-token").statusCode()).isEqualTo(403);
        assertThat(get(base + "api/status", null).statusCode()).isEqualTo(403);
        assertThat(get("http://" + jupyter + "/api/status", "token " + request.metadata().secret()).statusCode())
                .as("only the base URL is served").isEqualTo(404);

        compute.delete(jobId);
        await().atMost(Duration.ofSeconds(60)).until(() -> !DesktopJobIT.accepts(jupyter));
        assertThat(compute.get(jobId).map(CloudInstance::state).orElse(CloudState.DELETED))
                .isIn(CloudState.DELETED, CloudState.DELETING);
    }

    private HttpResponse<String> get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
