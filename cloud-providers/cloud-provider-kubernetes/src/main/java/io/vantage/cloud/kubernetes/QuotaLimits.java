package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vantage.cloud.api.CloudLimits;
import io.vantage.cloud.api.Limits;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Capacity from the namespace's ResourceQuotas. Every quota applies, so the tightest hard limit wins. Quotas count
 * requests; with a request ratio below 1 a flavour requests less than its size, so CPU and memory are reported in
 * flavour units (request / ratio) so that {@link CloudLimits#firstExceeded} can be fed flavour sizes.
 */
final class QuotaLimits implements Limits {

    private final KubernetesClient client;
    private final KubernetesSettings settings;
    private final ApiErrors errors;

    QuotaLimits(KubernetesClient client, KubernetesSettings settings, ApiErrors errors) {
        this.client = client;
        this.settings = settings;
        this.errors = errors;
    }

    @Override
    public CloudLimits limits() {
        List<ResourceQuota> quotas = errors.call("read resource quotas",
                () -> client.resourceQuotas().inNamespace(settings.namespace()).list().getItems());
        if (quotas.isEmpty()) {
            return CloudLimits.UNLIMITED;
        }
        BigDecimal ratio = BigDecimal.valueOf(settings.requestRatio());
        BigDecimal cpuUnit = ratio;
        BigDecimal memoryUnit = Quantities.mib().multiply(ratio);
        Usage pods = usage(quotas, BigDecimal.ONE, "pods", "count/pods");
        Usage cpu = usage(quotas, cpuUnit, "requests.cpu", "cpu");
        Usage memory = usage(quotas, memoryUnit, "requests.memory", "memory");
        Usage gpu = usage(quotas, BigDecimal.ONE, "requests." + settings.gpuResource());
        return new CloudLimits(pods.max, cpu.max, memory.max, gpu.max, pods.used, cpu.used, memory.used, gpu.used);
    }

    private record Usage(Integer max, int used) {
    }

    private static Usage usage(List<ResourceQuota> quotas, BigDecimal unit, String... keys) {
        Integer max = null;
        int used = 0;
        for (ResourceQuota quota : quotas) {
            Map<String, Quantity> hard = quota.getStatus() != null && !quota.getStatus().getHard().isEmpty()
                    ? quota.getStatus().getHard() : quota.getSpec() == null ? Map.of() : quota.getSpec().getHard();
            Map<String, Quantity> inUse = quota.getStatus() == null ? Map.of() : quota.getStatus().getUsed();
            for (String key : keys) {
                if (hard.containsKey(key)) {
                    int limit = Quantities.floor(hard.get(key), unit);
                    max = max == null ? limit : Math.min(max, limit);
                    if (inUse.containsKey(key)) {
                        used = Math.max(used, Quantities.ceil(inUse.get(key), unit));
                    }
                }
            }
        }
        return new Usage(max, used);
    }
}
