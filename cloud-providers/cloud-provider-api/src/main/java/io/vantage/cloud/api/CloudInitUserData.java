package io.vantage.cloud.api;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * User data for clouds whose machines get no Nova-style metadata service (KubeVirt, Proxmox VE): the image's own user
 * data as is, plus a cloud-config part that writes the portal's metadata ({@link InstanceMetadata#machineMetadata()},
 * the secret included) to {@value #METADATA_PATH} (root only, mode 0600) before the image's services start.
 * <p>
 * The result is a MIME multipart document, which cloud-init reads part by part: the image's part is sent as
 * {@code text/plain} so cloud-init recognises it by its first line ({@code #!}, {@code #cloud-config}, ...), and the
 * portal's part comes last and appends to lists, so an image's own {@code write_files} is kept.
 */
public final class CloudInitUserData {

    /** Where the machine finds the metadata as one JSON object of strings. */
    public static final String METADATA_PATH = "/etc/vantage/metadata.json";

    private static final SecureRandom RANDOM = new SecureRandom();

    private CloudInitUserData() {
    }

    /** The user data for one machine; {@code imageUserData} may be null. Holds the secret: store it as a secret. */
    public static String of(InstanceMetadata metadata, String imageUserData) {
        return of(metadata, List.of(), imageUserData);
    }

    /**
     * With the experiments' data mounts among the metadata ({@link DataMounts#machineMetadata}, credentials included),
     * for images whose boot script mounts them (docs/image-contract.md, "Experiment data").
     */
    public static String of(InstanceMetadata metadata, List<DataMount> dataMounts, String imageUserData) {
        Map<String, String> values = new LinkedHashMap<>(metadata.machineMetadata());
        values.putAll(DataMounts.machineMetadata(dataMounts));
        String boundary = "==vantage-" + HexFormat.of().formatHex(randomBytes()) + "==";
        StringBuilder mime = new StringBuilder()
                .append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\n")
                .append("MIME-Version: 1.0\n\n");
        if (imageUserData != null && !imageUserData.isBlank()) {
            part(mime, boundary, "text/plain", "image-user-data", imageUserData);
        }
        part(mime, boundary, "text/cloud-config", "vantage-metadata.cfg", metadataConfig(values));
        return mime.append("--").append(boundary).append("--\n").toString();
    }

    /** The metadata as one JSON object, keys in their order. */
    public static String json(Map<String, String> values) {
        StringBuilder json = new StringBuilder("{");
        values.forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quote(key)).append(':').append(quote(value));
        });
        return json.append('}').toString();
    }

    static String metadataConfig(Map<String, String> values) {
        // merge_how: lists append and dicts recurse, so the image's own cloud-config keeps its write_files
        return "#cloud-config\n"
                + "merge_how:\n"
                + "  - name: list\n    settings: [append]\n"
                + "  - name: dict\n    settings: [no_replace, recurse_list]\n"
                + "write_files:\n"
                + "  - path: " + METADATA_PATH + "\n"
                + "    owner: root:root\n"
                + "    permissions: '0600'\n"
                + "    encoding: b64\n"
                + "    content: " + base64(json(values)) + "\n";
    }

    private static void part(StringBuilder mime, String boundary, String type, String file, String content) {
        mime.append("--").append(boundary).append('\n')
                .append("Content-Type: ").append(type).append("; charset=\"utf-8\"\n")
                .append("MIME-Version: 1.0\n")
                .append("Content-Transfer-Encoding: base64\n")
                .append("Content-Disposition: attachment; filename=\"").append(file).append("\"\n\n");
        String encoded = base64(content);
        for (int i = 0; i < encoded.length(); i += 76) {
            mime.append(encoded, i, Math.min(encoded.length(), i + 76)).append('\n');
        }
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
