package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vantage.cloud.api.Catalogue;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderException;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.Limits;
import io.vantage.cloud.api.Network;
import io.vantage.cloud.api.ProviderContext;
import io.vantage.cloud.api.ProviderHealth;
import io.vantage.cloud.api.Tags;

import java.time.Duration;

/** One namespace of one cluster. */
final class KubernetesProvider implements CloudProvider {

    private final String name;
    private final KubernetesClient client;
    private final KubernetesSettings settings;
    private final ProviderContext context;
    private final ApiErrors errors;
    private final InstanceReader reader;
    private final Compute compute;
    private final Catalogue catalogue;
    private final Limits limits;
    private final Network network;

    KubernetesProvider(String name, KubernetesClient client, KubernetesSettings settings, ProviderContext context) {
        this.name = name;
        this.client = client;
        this.settings = settings;
        this.context = context;
        this.errors = new ApiErrors(settings.namespace());
        this.reader = new InstanceReader(client, settings.namespace(), context.deploymentId(),
                new PodStates(settings.faultGrace()), context.clock(), errors);
        this.compute = new PodCompute(client, settings, context.deploymentId(), reader, context.clock(), errors);
        this.catalogue = new SettingsCatalogue(settings);
        this.limits = new QuotaLimits(client, settings, errors);
        this.network = new ServiceNetwork(reader, settings.namespace());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return KubernetesProviderFactory.TYPE;
    }

    @Override
    public Compute compute() {
        return compute;
    }

    @Override
    public Catalogue catalogue() {
        return catalogue;
    }

    @Override
    public Limits limits() {
        return limits;
    }

    @Override
    public Network network() {
        return network;
    }

    /** Lists one pod of this deployment: proves the API server answers and that the credentials may read pods. */
    @Override
    public ProviderHealth checkHealth() {
        long started = System.nanoTime();
        try {
            errors.call("list pods", () -> client.pods().inNamespace(settings.namespace())
                    .withLabel(Tags.DEPLOYMENT, Names.labelValue(context.deploymentId()))
                    .list(new ListOptionsBuilder().withLimit(1L).build()));
            return ProviderHealth.up(Duration.ofNanos(System.nanoTime() - started));
        } catch (CloudProviderException e) {
            return ProviderHealth.down(e.getMessage());
        } catch (RuntimeException e) {
            return ProviderHealth.down("Kubernetes health check failed: " + e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
