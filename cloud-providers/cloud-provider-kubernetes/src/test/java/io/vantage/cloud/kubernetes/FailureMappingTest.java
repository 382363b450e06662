package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudTransientException;
import io.vantage.cloud.api.ProviderHealth;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Failed creates (expectations on top of CRUD mode, as their first objects must succeed) and health. */
@EnableKubernetesMockClient(https = false, crud = true)
class FailureMappingTest {

    static final String PODS = "/api/v1/namespaces/" + Fixtures.NAMESPACE + "/pods";

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void quotaExceededIsPermanentWithTheQuotaMessageAndLeavesNothingBehind() {
        server.expect().post().withPath(PODS).andReturn(403, status(403, "Forbidden", "pods \"x\" is forbidden: "
                + "exceeded quota: compute, requested: requests.cpu=8, used: requests.cpu=6, limited: requests.cpu=10"))
                .once();
        try (CloudProvider provider = Fixtures.provider(Fixtures.settings(server.url("/")))) {
            assertThatThrownBy(() -> provider.compute().create(Fixtures.request("uid-q", "desktop", "gpu")))
                    .isInstanceOf(CloudPermanentException.class)
                    .hasMessageContaining("quota of namespace '" + Fixtures.NAMESPACE + "'")
                    .hasMessageContaining("exceeded quota: compute, requested: requests.cpu=8");
        }
        assertThat(client.services().inNamespace(Fixtures.NAMESPACE).list().getItems()).isEmpty();
        assertThat(client.secrets().inNamespace(Fixtures.NAMESPACE).list().getItems()).isEmpty();
    }

    @Test
    void aFailedRetryOfCreateKeepsWhatAnEarlierCallMade() {
        try (CloudProvider provider = Fixtures.provider(Fixtures.settings(server.url("/"),
                new KubernetesSettings.Storage("10Gi", null, null)))) {
            String id = provider.compute().create(Fixtures.request("uid-r", "desktop", "small")).computeId();
            provider.compute().stop(id);
            server.expect().post().withPath(PODS).andReturn(403, status(403, "Forbidden",
                    "exceeded quota: compute")).once();

            assertThatThrownBy(() -> provider.compute().create(Fixtures.request("uid-r", "desktop", "small")))
                    .isInstanceOf(CloudPermanentException.class);

            // the home volume may hold the user's files: only objects made by the failing call are removed
            assertThat(client.persistentVolumeClaims().inNamespace(Fixtures.NAMESPACE).withName(id).get()).isNotNull();
            assertThat(client.services().inNamespace(Fixtures.NAMESPACE).withName(id).get()).isNotNull();
        }
    }

    @Test
    void invalidObjectIsPermanent() {
        server.expect().post().withPath(PODS).andReturn(422, status(422, "Invalid",
                "Pod \"x\" is invalid: spec.containers[0].image: Required value")).once();
        try (CloudProvider provider = Fixtures.provider(Fixtures.settings(server.url("/")))) {
            assertThatThrownBy(() -> provider.compute().create(Fixtures.request("uid-i", "desktop", "small")))
                    .isInstanceOf(CloudPermanentException.class).hasMessageContaining("(422)")
                    .hasMessageContaining("spec.containers[0].image: Required value");
        }
    }

    @Test
    void healthIsUpWhenPodsCanBeListed() {
        try (CloudProvider provider = Fixtures.provider(Fixtures.settings(server.url("/")))) {
            ProviderHealth health = provider.checkHealth();
            assertThat(health.up()).as(health.message()).isTrue();
        }
    }

    @Test
    void healthIsDownWithoutThrowingWhenTheApiServerIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (CloudProvider provider = Fixtures.provider(Fixtures.settings("http://127.0.0.1:" + closedPort))) {
            ProviderHealth health = provider.checkHealth();
            assertThat(health.up()).isFalse();
            assertThat(health.message()).contains("did not answer").contains(Fixtures.NAMESPACE);
            assertThatThrownBy(() -> provider.compute().list()).isInstanceOf(CloudTransientException.class);
        }
    }

    private static Status status(int code, String reason, String message) {
        return new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason).withMessage(message)
                .build();
    }
}
