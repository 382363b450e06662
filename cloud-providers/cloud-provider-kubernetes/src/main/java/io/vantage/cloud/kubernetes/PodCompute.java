package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.DataAttachment;
import io.vantage.cloud.api.DataMount;
import io.vantage.cloud.api.DataMounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Instances as a Pod plus a ClusterIP Service, a Secret and optionally a home PersistentVolumeClaim.
 * <p>
 * Stop deletes only the pod: the Service (which stores the pod template), Secret and claim stay, so start creates an
 * identical pod and the home volume survives. A stopped instance therefore costs no CPU or memory, only its volume.
 * Reboot is stop plus start, with a new pod name so it never waits for the old pod to terminate.
 */
final class PodCompute implements Compute {

    private static final Logger log = LoggerFactory.getLogger(PodCompute.class);

    private final KubernetesClient client;
    private final KubernetesSettings settings;
    private final String deploymentId;
    private final InstanceReader reader;
    private final PodTemplates templates;
    private final Clock clock;
    private final ApiErrors errors;

    PodCompute(KubernetesClient client, KubernetesSettings settings, String deploymentId, InstanceReader reader,
               Clock clock, ApiErrors errors) {
        this.client = client;
        this.settings = settings;
        this.deploymentId = deploymentId;
        this.reader = reader;
        this.templates = new PodTemplates(settings);
        this.clock = clock;
        this.errors = errors;
    }

    /** Safe to retry after a failure: each object is created only when missing. */
    @Override
    public CloudInstance create(CreateInstanceRequest request) {
        KubernetesSettings.Image image = Optional.ofNullable(settings.images().get(request.imageId()))
                .orElseThrow(() -> new CloudPermanentException("Unknown image '" + request.imageId()
                        + "': this Kubernetes provider offers " + settings.images().keySet()));
        KubernetesSettings.Flavour flavour = Optional.ofNullable(settings.flavours().get(request.flavourId()))
                .orElseThrow(() -> new CloudPermanentException("Unknown flavour '" + request.flavourId()
                        + "': this Kubernetes provider offers " + settings.flavours().keySet()));
        String name = Names.objectName(request.name(), deploymentId, request.metadata().instanceUid());
        ObjectMeta meta = Manifests.metadata(name, request, clock.instant());
        Pod template = templates.template(meta, request, image, flavour);
        String templateJson = client.getKubernetesSerialization().asJson(template);
        List<HasMetadata> created = new ArrayList<>();
        try {
            createIfMissing("create secret " + name, Manifests.secret(meta, request), created);
            if (Manifests.wantsHome(settings)) {
                createIfMissing("create volume claim " + name, Manifests.home(meta, settings.storage()), created);
            }
            createIfMissing("create service " + name, Manifests.service(meta, image, templateJson), created);
            if (InstanceReader.newestLive(reader.pods(name)).isEmpty()) {
                createPod(name, template);
            }
        } catch (CloudPermanentException e) {
            // nothing would ever start from what this call made; what an earlier call made is not ours to remove
            removeQuietly(created);
            throw e;
        }
        log.info("Created Kubernetes instance {} in namespace {} from {}", name, settings.namespace(), image.image());
        return reader.get(name).orElseThrow(() -> new CloudPermanentException(
                "Instance " + name + " vanished right after it was created in namespace " + settings.namespace()));
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
        Pod template = template(computeId);
        List<Pod> pods = reader.pods(computeId);
        Optional<Pod> live = InstanceReader.newestLive(pods);
        if (live.isPresent() && !PodStates.isTerminal(live.get())) {
            return;
        }
        // a Failed (evicted) or Succeeded pod would never run again: replace it
        pods.stream().filter(PodStates::isTerminal).forEach(this::deletePod);
        createPod(computeId, template);
    }

    @Override
    public void stop(String computeId) {
        reader.pods(computeId).stream().filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
                .forEach(this::deletePod);
    }

    @Override
    public void reboot(String computeId) {
        Pod template = template(computeId);
        stop(computeId);
        createPod(computeId, template);
    }

    /**
     * A pod's volumes cannot change: the stored template gets exactly these mounts, so the next start or reboot
     * (a new pod) has them. A running pod with other mounts therefore answers {@link DataAttachment#AFTER_RESTART};
     * a stopped instance, or a pod that already has them, {@link DataAttachment#APPLIED}.
     */
    @Override
    public DataAttachment applyDataMounts(String computeId, List<DataMount> mounts) {
        DataVolumes.check(mounts);
        Pod template = template(computeId);
        String json = client.getKubernetesSerialization().asJson(templates.withDataMounts(template, mounts));
        if (!json.equals(client.getKubernetesSerialization().asJson(template))) {
            errors.call("give service " + computeId + " its new data mounts", () -> client.services()
                    .inNamespace(settings.namespace()).withName(computeId).edit(service -> new ServiceBuilder(service)
                            .editMetadata().addToAnnotations(PodTemplates.ANNOTATION, json).endMetadata().build()));
        }
        Optional<Pod> live = InstanceReader.newestLive(reader.pods(computeId)).filter(pod -> !PodStates.isTerminal(pod));
        boolean current = live.map(pod -> DataMounts.jsonArray(mounts).equals(dataEnv(pod))).orElse(true);
        log.info("Data mounts of {} set to {}{}", computeId, mounts, current ? "" : " from its next restart");
        return current ? DataAttachment.APPLIED : DataAttachment.AFTER_RESTART;
    }

    /** What the pod was started with; "[]" for pods made before data mounts existed. */
    private static String dataEnv(Pod pod) {
        return pod.getSpec().getContainers().stream().filter(c -> PodTemplates.CONTAINER.equals(c.getName()))
                .flatMap(c -> c.getEnv().stream()).filter(e -> PodTemplates.DATA_ENV.equals(e.getName()))
                .map(EnvVar::getValue).findFirst().orElse("[]");
    }

    /** Deletes everything of the instance; objects already gone are skipped, so this can be repeated. */
    @Override
    public void delete(String computeId) {
        reader.pods(computeId).forEach(this::deletePod);
        errors.run("delete service " + computeId, () -> client.services().inNamespace(settings.namespace())
                .withName(computeId).delete());
        errors.run("delete secret " + computeId, () -> client.secrets().inNamespace(settings.namespace())
                .withName(computeId).delete());
        errors.run("delete volume claim " + computeId, () -> client.persistentVolumeClaims()
                .inNamespace(settings.namespace()).withName(computeId).delete());
    }

    private Pod template(String computeId) {
        Service service = reader.service(computeId).orElseThrow(() -> new CloudPermanentException(
                "Instance " + computeId + " does not exist in namespace " + settings.namespace()));
        String json = service.getMetadata().getAnnotations() == null ? null
                : service.getMetadata().getAnnotations().get(PodTemplates.ANNOTATION);
        if (json == null) {
            throw new CloudPermanentException("Service " + computeId + " has lost its pod template annotation "
                    + PodTemplates.ANNOTATION + ": delete and recreate the instance");
        }
        return client.getKubernetesSerialization().unmarshal(json, Pod.class);
    }

    private void createPod(String computeId, Pod template) {
        Pod pod = PodTemplates.instantiate(template, computeId);
        errors.call("create pod " + pod.getMetadata().getName(),
                () -> client.pods().inNamespace(settings.namespace()).resource(pod).create());
    }

    private void deletePod(Pod pod) {
        errors.run("delete pod " + pod.getMetadata().getName(), () -> client.pods().inNamespace(settings.namespace())
                .withName(pod.getMetadata().getName()).delete());
    }

    private void createIfMissing(String action, HasMetadata object, List<HasMetadata> created) {
        try {
            created.add(client.resource(object).inNamespace(settings.namespace()).create());
        } catch (KubernetesClientException e) {
            if (!ApiErrors.isConflict(e)) {
                throw errors.translate(action, e);
            }
        }
    }

    private void removeQuietly(List<HasMetadata> created) {
        for (HasMetadata object : created) {
            try {
                client.resource(object).inNamespace(settings.namespace()).delete();
            } catch (RuntimeException e) {
                log.warn("Could not remove {} {} after a failed create: {}", object.getKind(),
                        object.getMetadata().getName(), e.getMessage());
            }
        }
    }
}
