package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudTransientException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Single API answers in pure expectation mode: anything not expected answers 404. */
@EnableKubernetesMockClient(https = false)
class ApiAnswersTest {

    static final String PODS = FailureMappingTest.PODS;

    KubernetesMockServer server;

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
                Duration.ofMillis(300), null, null, false);
        try (CloudProvider provider = Fixtures.provider(impatient)) {
            assertThatThrownBy(() -> provider.limits().limits()).isInstanceOf(CloudTransientException.class)
                    .hasMessageContaining("did not answer");
        }
    }

    private static Status status(int code, String reason, String message) {
        return new StatusBuilder().withStatus("Failure").withCode(code).withReason(reason).withMessage(message)
                .build();
    }
}
