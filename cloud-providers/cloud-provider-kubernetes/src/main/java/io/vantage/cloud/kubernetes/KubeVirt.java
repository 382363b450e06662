package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KubeVirt's resources through fabric8's generic client: no extra dependency, and the JSON is KubeVirt's own shape
 * ({@code kubevirt.io/v1}), read with {@link GenericKubernetesResource#get(Object...)}.
 */
final class KubeVirt {

    static final String API_VERSION = "kubevirt.io/v1";
    static final ResourceDefinitionContext VIRTUAL_MACHINES = context("VirtualMachine", "virtualmachines");
    static final ResourceDefinitionContext INSTANCES = context("VirtualMachineInstance", "virtualmachineinstances");
    /** The key cloudInitNoCloud reads user data from in a Secret. */
    static final String USER_DATA_KEY = "userdata";

    private KubeVirt() {
    }

    private static ResourceDefinitionContext context(String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup("kubevirt.io").withVersion("v1").withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }

    /** An ordered map from key, value pairs, leaving out null values: manifests read in the order they are built. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    static String text(GenericKubernetesResource resource, Object... path) {
        Object value = resource == null ? null : resource.get(path);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(GenericKubernetesResource resource, Object... path) {
        Object value = resource == null ? null : resource.get(path);
        return value instanceof List<?> items ? (List<Map<String, Object>>) items : List.of();
    }
}
