package io.vantage.cloud.kubernetes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Settings for virtual machines, and a reader for the user data's MIME parts. */
final class VmFixtures {

    private VmFixtures() {
    }

    static KubernetesSettings settings(String url, boolean useSpecRunning) {
        Map<String, KubernetesSettings.Image> images = Map.of(
                "desktop", new KubernetesSettings.Image("Desktop", "registry.example/vantage/desktop-disk:1.2",
                        List.of(5901, 8888), null, null, null, null, null, null),
                "persistent", new KubernetesSettings.Image("Persistent desktop", null, List.of(5901), null, null,
                        null, null, "vm-images/ubuntu-2404-vantage", "30Gi"));
        Map<String, KubernetesSettings.Flavour> flavours = Map.of(
                "small", new KubernetesSettings.Flavour("Small", 2, 4096, 0, null, null),
                "gpu", new KubernetesSettings.Flavour("GPU", 8, 32768, 1, "nvidia.com/GA102GL_A10",
                        List.of("intel.com/qat")));
        return new KubernetesSettings(url, "token-that-must-not-leak", null, null, false, Fixtures.NAMESPACE, images,
                flavours, null, new KubernetesSettings.Storage(null, "ceph-rbd", null), null, null,
                Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(1),
                KubernetesSettings.VIRTUAL_MACHINES, useSpecRunning);
    }

    /** The decoded bodies of a multipart document whose parts are base64, as CloudInitUserData writes them. */
    static List<String> mimeParts(String document) {
        String boundary = document.lines().filter(line -> line.startsWith("--")).findFirst().orElseThrow();
        List<String> parts = new ArrayList<>();
        for (String part : document.split(java.util.regex.Pattern.quote(boundary))) {
            int body = part.indexOf("\n\n");
            if (part.startsWith("\nContent-Type") && body > 0) {
                String base64 = part.substring(body + 2).replace("\n", "");
                parts.add(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
            }
        }
        return parts;
    }

    /** The JSON the cloud-config part writes to the metadata file. */
    static String writtenMetadata(String cloudConfig) {
        String content = cloudConfig.lines().map(String::strip).filter(line -> line.startsWith("content: "))
                .findFirst().orElseThrow().substring("content: ".length());
        return new String(Base64.getDecoder().decode(content), StandardCharsets.UTF_8);
    }
}
