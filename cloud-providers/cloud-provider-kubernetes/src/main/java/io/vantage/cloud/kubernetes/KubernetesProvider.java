package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.ListOptions;
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
        if (settings.virtualMachines()) {
            VmReader vms = new VmReader(client, settings.namespace(), context.deploymentId(),
                    new VmStates(settings.faultGrace()), context.clock(), errors);
            this.compute = new VmCompute(client, settings, context.deploymentId(), vms, context.clock(), errors);
            this.network = new ServiceNetwork(vms::service, settings.namespace());
        } else {
            this.compute = new PodCompute(client, settings, context.deploymentId(), reader, context.clock(), errors);
            this.network = new ServiceNetwork(reader::service, settings.namespace());
        }
        this.catalogue = new SettingsCatalogue(settings);
        this.limits = new QuotaLimits(client, settings, errors);
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

    /** Lists one pod (or VM) of this deployment: proves the API server answers and the credentials may read them. */
    @Override
    public ProviderHealth checkHealth() {
        long started = System.nanoTime();
        try {
            ListOptions one = new ListOptionsBuilder().withLimit(1L).build();
            String deployment = Names.labelValue(context.deploymentId());
            if (settings.virtualMachines()) {
                // also proves that KubeVirt is installed: without its resource definitions this is a 404
                errors.call("list virtual machines", () -> client.genericKubernetesResources(KubeVirt.VIRTUAL_MACHINES)
                        .inNamespace(settings.namespace()).withLabel(Tags.DEPLOYMENT, deployment).list(one));
            } else {
                errors.call("list pods", () -> client.pods().inNamespace(settings.namespace())
                        .withLabel(Tags.DEPLOYMENT, deployment).list(one));
            }
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
