package io.vantage.cloud.kubernetes;

import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.InstanceMetadata;
import io.vantage.cloud.api.ProviderContext;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Settings and requests shared by the tests; the mock API server is plain HTTP on loopback. */
final class Fixtures {

    static final String NAMESPACE = "vantage-test";
    static final String DEPLOYMENT = "portal-a";
    static final String SECRET = "s3cr3t-vnc-password";

    private Fixtures() {
    }

    static KubernetesSettings settings(String url) {
        return settings(url, null);
    }

    static KubernetesSettings settings(String url, KubernetesSettings.Storage storage) {
        Map<String, KubernetesSettings.Image> images = Map.of(
                "desktop", new KubernetesSettings.Image("Desktop", "registry.example/vantage/desktop:1.2",
                        List.of(5901, 4822), null, null, Map.of("DISPLAY", ":1"), List.of("VNC_PASSWORD"), null, null),
                "jupyter", new KubernetesSettings.Image("Jupyter", "registry.example/vantage/jupyter:4.1",
                        List.of(8888), List.of("start-notebook.sh"), List.of("--port=8888"), null,
                        List.of("JUPYTER_TOKEN"), null, null));
        Map<String, KubernetesSettings.Flavour> flavours = Map.of(
                "small", new KubernetesSettings.Flavour("Small", 2, 4096, 0, null, null),
                "gpu", new KubernetesSettings.Flavour("GPU", 8, 32768, 1, null, null));
        return new KubernetesSettings(url, "token-that-must-not-leak", null, null, false, NAMESPACE, images, flavours,
                "registry-pull", storage, null, null, Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofMinutes(1), null, false);
    }

    static CloudProvider provider(KubernetesSettings settings) {
        return provider(settings, DEPLOYMENT);
    }

    static CloudProvider provider(KubernetesSettings settings, String deployment) {
        return new KubernetesProviderFactory().create("k8s", settings,
                new ProviderContext(deployment, Clock.systemUTC(), Duration.ofSeconds(5)));
    }

    static CreateInstanceRequest request(String uid, String image, String flavour) {
        return request(uid, image, flavour, DEPLOYMENT, null);
    }

    static CreateInstanceRequest request(String uid, String image, String flavour, String deployment,
                                         String userData) {
        InstanceMetadata metadata = new InstanceMetadata(deployment, uid, "alice@facility.eu", List.of("EXP-42"),
                1920, 1080, "fr", SECRET);
        return new CreateInstanceRequest("Alice's analysis #1", image, flavour, null, null, metadata, userData);
    }
}
