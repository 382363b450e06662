package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.ResourceQuotaStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.vantage.cloud.api.CloudLimits;
import io.vantage.cloud.api.CloudProvider;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@EnableKubernetesMockClient(https = false, crud = true)
class QuotaLimitsTest {

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void noQuotaMeansUnlimited() {
        try (CloudProvider provider = Fixtures.provider(Fixtures.settings(server.url("/")))) {
            assertThat(provider.limits().limits()).isEqualTo(CloudLimits.UNLIMITED);
        }
    }

    @Test
    void limitsComeFromHardAndUsedOfTheNamespaceQuota() {
        quota("compute", Map.of("pods", "10", "requests.cpu", "16", "requests.memory", "64Gi",
                        "requests.nvidia.com/gpu", "2"),
                Map.of("pods", "3", "requests.cpu", "4500m", "requests.memory", "12Gi", "requests.nvidia.com/gpu", "1"));

        try (CloudProvider provider = Fixtures.provider(Fixtures.settings(server.url("/")))) {
            CloudLimits limits = provider.limits().limits();

            assertThat(limits).isEqualTo(new CloudLimits(10, 16, 65536, 2, 3, 5, 12288, 1));
            assertThat(limits.firstExceeded(8, 32768, 2)).startsWith("GPUs");
        }
    }

    @Test
    void theTightestOfSeveralQuotasWinsAndMissingResourcesStayUnlimited() {
        quota("wide", Map.of("requests.cpu", "64", "count/pods", "50"), Map.of("requests.cpu", "2", "count/pods", "1"));
        quota("narrow", Map.of("cpu", "8"), Map.of("cpu", "2"));

        try (CloudProvider provider = Fixtures.provider(Fixtures.settings(server.url("/")))) {
            CloudLimits limits = provider.limits().limits();

            assertThat(limits.maxVcpu()).isEqualTo(8);
            assertThat(limits.maxInstances()).isEqualTo(50);
            assertThat(limits.maxMemoryMib()).isNull();
            assertThat(limits.maxGpu()).isNull();
        }
    }

    private void quota(String name, Map<String, String> hard, Map<String, String> used) {
        ResourceQuota quota = new ResourceQuotaBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withHard(quantities(hard)).endSpec().build();
        ResourceQuota created = client.resourceQuotas().inNamespace(Fixtures.NAMESPACE).resource(quota).create();
        created.setStatus(new ResourceQuotaStatusBuilder().withHard(quantities(hard))
                .withUsed(quantities(used)).build());
        client.resourceQuotas().inNamespace(Fixtures.NAMESPACE).resource(created).updateStatus();
    }

    private static Map<String, Quantity> quantities(Map<String, String> values) {
        return values.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> new Quantity(entry.getValue())));
    }
}
