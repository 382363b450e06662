package io.vantage.cloud.proxmox;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Everything wrong with a provider's settings, each problem naming its setting as configured (kebab-case). */
final class SettingsCheck {

    private static final String TOKEN_ID = "[^@!\\s]+@[^@!\\s]+![A-Za-z][A-Za-z0-9._-]*";
    private static final String FINGERPRINT = "([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}|[0-9A-Fa-f]{64}";

    private SettingsCheck() {
    }

    static List<String> problems(ProxmoxSettings settings) {
        if (settings == null) {
            return List.of("settings are missing");
        }
        List<String> problems = new ArrayList<>();
        apiUrl(settings.apiUrl(), problems);
        if (ProxmoxSettings.blank(settings.tokenId()) || !settings.tokenId().matches(TOKEN_ID)) {
            problems.add("setting token-id must be USER@REALM!TOKENID (e.g. vantage@pve!portal), was '"
                    + settings.tokenId() + "'");
        }
        if (ProxmoxSettings.blank(settings.tokenSecret())) {
            problems.add("setting token-secret is missing");
        }
        if (!ProxmoxSettings.blank(settings.caCertPath()) && !Files.isReadable(Path.of(settings.caCertPath()))) {
            problems.add("setting ca-cert-path: " + settings.caCertPath() + " cannot be read");
        }
        if (!ProxmoxSettings.blank(settings.fingerprint()) && !settings.fingerprint().strip().matches(FINGERPRINT)) {
            problems.add("setting fingerprint must be a SHA-256 fingerprint (32 bytes in hex, e.g. AB:CD:...), was '"
                    + settings.fingerprint() + "'");
        }
        images(settings, problems);
        flavours(settings, problems);
        if (ProxmoxSettings.blank(settings.snippetsStorage())) {
            problems.add("setting snippets-storage is missing: the Proxmox storage (content 'snippets') that holds "
                    + "each machine's cloud-init files");
        }
        if (ProxmoxSettings.blank(settings.snippetsDir())) {
            problems.add("setting snippets-dir is missing: the portal's path to that storage's snippets folder");
        } else if (!Files.isDirectory(Path.of(settings.snippetsDir()))
                || !Files.isWritable(Path.of(settings.snippetsDir()))) {
            problems.add("setting snippets-dir: " + settings.snippetsDir() + " is not a folder the portal may write");
        }
        if (settings.maxInstances() != null && settings.maxInstances() < 0) {
            problems.add("setting max-instances must not be negative, was " + settings.maxInstances());
        }
        if (settings.cpuOvercommit() <= 0) {
            problems.add("setting cpu-overcommit must be positive, was " + settings.cpuOvercommit());
        }
        if (settings.taskWait().isNegative() || settings.taskWait().isZero()) {
            problems.add("setting task-wait must be positive, was " + settings.taskWait());
        }
        if (settings.taskPollInterval().isNegative() || settings.taskPollInterval().isZero()) {
            problems.add("setting task-poll-interval must be positive, was " + settings.taskPollInterval());
        }
        return problems;
    }

    private static void apiUrl(String apiUrl, List<String> problems) {
        try {
            URI uri = URI.create(apiUrl == null ? "" : apiUrl.strip());
            // the API token travels in every request's header: never over plain HTTP
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                problems.add("setting api-url must be an https URL such as https://pve1.example.org:8006, was '"
                        + apiUrl + "'");
            }
        } catch (IllegalArgumentException e) {
            problems.add("setting api-url is not a URL: '" + apiUrl + "'");
        }
    }

    private static void images(ProxmoxSettings settings, List<String> problems) {
        if (settings.images().isEmpty()) {
            problems.add("setting images must offer at least one template");
        }
        settings.images().forEach((id, image) -> {
            if (image == null || image.template() == null || image.template() < 100) {
                problems.add("setting images." + id + ".template must be the VM id of a template (100 or more)");
            } else if (image.ports().stream().anyMatch(port -> port == null || port < 1 || port > 65535)) {
                problems.add("setting images." + id + ".ports must be between 1 and 65535");
            }
        });
    }

    private static void flavours(ProxmoxSettings settings, List<String> problems) {
        if (settings.flavours().isEmpty()) {
            problems.add("setting flavours must offer at least one size");
        }
        settings.flavours().forEach((id, flavour) -> {
            if (flavour == null || flavour.cores() < 1 || flavour.memoryMib() < 16 || flavour.gpu() < 0) {
                problems.add("setting flavours." + id + " needs cores >= 1, memory-mib >= 16 and gpu >= 0");
            } else if (flavour.gpu() > 0 && ProxmoxSettings.blank(flavour.gpuMapping())) {
                problems.add("setting flavours." + id + ".gpu-mapping must name the PCI resource mapping its "
                        + flavour.gpu() + " GPU(s) come from");
            }
        });
    }
}
