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
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** API failures in expectation mode (on top of CRUD where a create needs its first objects to succeed). */
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
    void forbiddenWithoutQuotaIsPermanentAndPointsAtRbac() {
        server.expect().get().withPath(PODS + "?labelSelector=vantage-deployment%3Dportal-a").andReturn(403,
                status(403, "Forbidden", "pods is forbidden: User \"system:serviceaccount:x:y\" cannot list")).once();
        try (CloudProvider provider = Fixtures.provider(Fixtures.settings(server.url("/")))) {
            assertThatThrownBy(() -> provider.compute().list()).isInstanceOf(CloudPermanentException.class)
                    .hasMessageContaining("(403)").hasMessageContaining("service account")
                    .hasMessageContaining("cannot list");
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
    void serverErrorIsTransient() {
        server.expect().get().withPath(PODS + "?labelSelector=vantage-deployment%3Dportal-a").andReturn(500,
                status(500, "InternalError", "etcdserver: request timed out")).always();
        try (CloudProvider provider = Fixtures.provider(Fixtures.settings(server.url("/")))) {
            assertThatThrownBy(() -> provider.compute().list()).isInstanceOf(CloudTransientException.class)
                    .hasMessageContaining("(500)").hasMessageContaining("etcdserver: request timed out");
        }
    }

    @Test
    void aSlowAnswerIsTransient() {
        server.expect().get().delay(1_500).withPath("/api/v1/namespaces/" + Fixtures.NAMESPACE + "/resourcequotas")
                .andReturn(200, "{}").once();
        KubernetesSettings base = Fixtures.settings(server.url("/"));
        KubernetesSettings impatient = new KubernetesSettings(base.apiServerUrl(), base.token(), null, null, false,
                base.namespace(), base.images(), base.flavours(), null, null, null, null, Duration.ofSeconds(1),
                Duration.ofMillis(300), null);
        try (CloudProvider provider = Fixtures.provider(impatient)) {
            assertThatThrownBy(() -> provider.limits().limits()).isInstanceOf(CloudTransientException.class)
                    .hasMessageContaining("did not answer");
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
