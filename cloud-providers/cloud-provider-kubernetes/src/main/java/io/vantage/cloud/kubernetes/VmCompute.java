package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.vantage.cloud.api.CloudInitUserData;
import io.vantage.cloud.api.DataMounts;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.CreateInstanceRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Instances as KubeVirt VirtualMachines, each with a Secret (its cloud-init user data, the secret inside) and a
 * ClusterIP Service for its ports. Stop and start set {@code spec.runStrategy} (Halted / Always), or
 * {@code spec.running} on clusters that predate it; KubeVirt then removes or makes the VirtualMachineInstance.
 * Reboot deletes the running instance, which KubeVirt makes again at once. Delete removes all three; the VM's
 * DataVolume and instance go with it (KubeVirt owns them).
 */
final class VmCompute implements Compute {

    private static final Logger log = LoggerFactory.getLogger(VmCompute.class);

    private final KubernetesClient client;
    private final KubernetesSettings settings;
    private final String deploymentId;
    private final VmReader reader;
    private final VirtualMachines manifests;
    private final Clock clock;
    private final ApiErrors errors;

    VmCompute(KubernetesClient client, KubernetesSettings settings, String deploymentId, VmReader reader, Clock clock,
              ApiErrors errors) {
        this.client = client;
        this.settings = settings;
        this.deploymentId = deploymentId;
        this.reader = reader;
        this.manifests = new VirtualMachines(settings);
        this.clock = clock;
        this.errors = errors;
    }

    /** Safe to retry after a failure: each object is created only when missing. */
    @Override
    public CloudInstance create(CreateInstanceRequest request) {
        KubernetesSettings.Image image = Optional.ofNullable(settings.images().get(request.imageId()))
                .orElseThrow(() -> new CloudPermanentException("Unknown image '" + request.imageId()
                        + "': this KubeVirt provider offers " + settings.images().keySet()));
        KubernetesSettings.Flavour flavour = Optional.ofNullable(settings.flavours().get(request.flavourId()))
                .orElseThrow(() -> new CloudPermanentException("Unknown flavour '" + request.flavourId()
                        + "': this KubeVirt provider offers " + settings.flavours().keySet()));
        DataMounts.requireMountableByGuest(request.dataMounts());
        String name = Names.objectName(request.name(), deploymentId, request.metadata().instanceUid());
        ObjectMeta meta = Manifests.metadata(name, request, clock.instant());
        List<HasMetadata> created = new ArrayList<>();
        try {
            createIfMissing("create secret " + name, userData(meta, request), created);
            createIfMissing("create service " + name, Manifests.service(meta, image, null), created);
            createIfMissing("create virtual machine " + name, manifests.virtualMachine(meta, image, flavour), created);
            // the VirtualMachine last: a VM whose Secret is missing would never boot
        } catch (CloudPermanentException e) {
            removeQuietly(created);
            throw e;
        }
        log.info("Created KubeVirt virtual machine {} in namespace {} from {}", name, settings.namespace(),
                image.cloneFrom() != null ? image.cloneFrom() : image.image());
        return reader.get(name).orElseThrow(() -> new CloudPermanentException(
                "Virtual machine " + name + " vanished right after it was created in namespace " + settings.namespace()));
    }

    @Override
    public Optional<CloudInstance> get(String computeId) {
        return reader.get(computeId);
    }

    @Override
    public List<CloudInstance> list() {
        return reader.list();
    }

    /** By label selector, never a full list. */
    @Override
    public Optional<CloudInstance> findByInstanceUid(String instanceUid) {
        return reader.byInstanceUid(instanceUid);
    }

    @Override
    public void start(String computeId) {
        GenericKubernetesResource vm = require(computeId);
        if ("Paused".equals(KubeVirt.text(vm, "status", "printableStatus"))) {
            errors.run("unpause virtual machine " + computeId, () -> client.raw(subresource(computeId, "unpause"),
                    "PUT", Map.of()));
        } else if (!VmStates.wantsToRun(vm)) {
            run(computeId, true);
        }
    }

    @Override
    public void stop(String computeId) {
        if (VmStates.wantsToRun(require(computeId))) {
            run(computeId, false);
        }
    }

    /** KubeVirt makes a deleted instance again while the machine should run; a stopped machine is started. */
    @Override
    public void reboot(String computeId) {
        if (!VmStates.wantsToRun(require(computeId))) {
            run(computeId, true);
            return;
        }
        errors.run("restart virtual machine " + computeId, () -> reader.vmis().inNamespace(settings.namespace())
                .withName(computeId).delete());
    }

    /** Objects already gone are skipped, so this can be repeated; also removes what a half-done create left. */
    @Override
    public void delete(String computeId) {
        errors.run("delete virtual machine " + computeId, () -> reader.vms().inNamespace(settings.namespace())
                .withName(computeId).delete());
        errors.run("delete service " + computeId, () -> client.services().inNamespace(settings.namespace())
                .withName(computeId).delete());
        errors.run("delete secret " + computeId, () -> client.secrets().inNamespace(settings.namespace())
                .withName(computeId).delete());
    }

    private void run(String computeId, boolean running) {
        String patch = settings.useSpecRunning() ? "{\"spec\":{\"running\":" + running + "}}"
                : "{\"spec\":{\"runStrategy\":\"" + (running ? "Always" : "Halted") + "\"}}";
        errors.run((running ? "start" : "stop") + " virtual machine " + computeId, () -> reader.vms()
                .inNamespace(settings.namespace()).withName(computeId)
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch));
    }

    private String subresource(String computeId, String action) {
        return client.getMasterUrl().toString().replaceAll("/$", "") + "/apis/subresources.kubevirt.io/v1/namespaces/"
                + settings.namespace() + "/virtualmachineinstances/" + computeId + "/" + action;
    }

    private GenericKubernetesResource require(String computeId) {
        return reader.vm(computeId).orElseThrow(() -> new CloudPermanentException("Virtual machine " + computeId
                + " does not exist in namespace " + settings.namespace()));
    }

    /** The user data holds the instance's secret: it lives in a Secret that cloud-init reads, never in the VM. */
    private static Secret userData(ObjectMeta meta, CreateInstanceRequest request) {
        String userData = CloudInitUserData.of(request.metadata(), request.dataMounts(), request.userData());
        return new SecretBuilder().withMetadata(meta).withType("Opaque").withData(Map.of(KubeVirt.USER_DATA_KEY,
                Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8)))).build();
    }

    private void createIfMissing(String action, HasMetadata object, List<HasMetadata> created) {
        try {
            created.add(object instanceof GenericKubernetesResource vm
                    ? reader.vms().inNamespace(settings.namespace()).resource(vm).create()
                    : client.resource(object).inNamespace(settings.namespace()).create());
        } catch (KubernetesClientException e) {
            if (!ApiErrors.isConflict(e)) {
                throw errors.translate(action, e);
            }
        }
    }

    private void removeQuietly(List<HasMetadata> created) {
        for (HasMetadata object : created) {
            try {
                if (object instanceof GenericKubernetesResource vm) {
                    reader.vms().inNamespace(settings.namespace()).resource(vm).delete();
                } else {
                    client.resource(object).inNamespace(settings.namespace()).delete();
                }
            } catch (RuntimeException e) {
                log.warn("Could not remove {} {} after a failed create: {}", object.getKind(),
                        object.getMetadata().getName(), e.getMessage());
            }
        }
    }
}
