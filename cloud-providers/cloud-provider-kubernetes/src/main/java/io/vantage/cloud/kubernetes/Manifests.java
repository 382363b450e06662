package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.vantage.cloud.api.CreateInstanceRequest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The objects that make up one instance, apart from the pod (see {@link PodTemplates}). */
final class Manifests {

    static final String SECRET_KEY = "secret";
    static final String USER_DATA_KEY = "user-data";
    static final String CREATED_AT = "vantage.io/created-at";

    private Manifests() {
    }

    /**
     * Labels carry sanitised tag values for selection; annotations keep the exact values, which are what
     * {@code CloudInstance.tags()} reports, so an instance uid that is not a valid label value still round-trips.
     */
    static ObjectMeta metadata(String objectName, CreateInstanceRequest request, Instant createdAt) {
        Map<String, String> labels = new LinkedHashMap<>();
        request.metadata().tags().forEach((key, value) -> labels.put(key, Names.labelValue(value)));
        labels.put(Names.INSTANCE_OBJECT, objectName);
        labels.put(Names.MANAGED_BY, "vantage");
        Map<String, String> annotations = new LinkedHashMap<>(request.metadata().tags());
        annotations.put(CREATED_AT, createdAt.toString());
        return new ObjectMetaBuilder().withName(objectName).withLabels(labels).withAnnotations(annotations).build();
    }

    static Secret secret(ObjectMeta meta, CreateInstanceRequest request) {
        Map<String, String> data = new LinkedHashMap<>();
        if (request.metadata().secret() != null) {
            data.put(SECRET_KEY, base64(request.metadata().secret()));
        }
        if (request.userData() != null) {
            data.put(USER_DATA_KEY, base64(request.userData()));
        }
        return new SecretBuilder().withMetadata(meta).withType("Opaque").withData(data).build();
    }

    /** {@code podTemplateJson} is null for a virtual machine, which keeps its own template. */
    static Service service(ObjectMeta meta, KubernetesSettings.Image image, String podTemplateJson) {
        List<ServicePort> ports = image.ports().stream().map(port -> new ServicePortBuilder()
                .withName("p-" + port).withProtocol("TCP").withPort(port).withNewTargetPort(port).build()).toList();
        ObjectMeta withTemplate = podTemplateJson == null ? meta : new ObjectMetaBuilder(meta)
                .addToAnnotations(PodTemplates.ANNOTATION, podTemplateJson).build();
        return new ServiceBuilder().withMetadata(withTemplate).withNewSpec().withType("ClusterIP")
                .withSelector(Map.of(Names.INSTANCE_OBJECT, meta.getName())).withPorts(ports).endSpec().build();
    }

    static PersistentVolumeClaim home(ObjectMeta meta, KubernetesSettings.Storage storage) {
        return new PersistentVolumeClaimBuilder().withMetadata(meta).withNewSpec()
                .withAccessModes("ReadWriteOnce").withStorageClassName(storage.storageClass())
                .withNewResources().addToRequests("storage", new Quantity(storage.homeSize())).endResources()
                .endSpec().build();
    }

    static boolean wantsHome(KubernetesSettings settings) {
        return settings.storage() != null && !KubernetesSettings.blank(settings.storage().homeSize());
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
