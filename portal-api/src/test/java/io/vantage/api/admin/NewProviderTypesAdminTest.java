package io.vantage.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.PortalTest;
import io.vantage.api.testing.TestWorkDirs;

/**
 * The provider types of issue 17 added by an admin at runtime through the API, with the settings they declare:
 * Proxmox VE, KubeVirt (the Kubernetes type with {@code mode: virtual-machines}) and Slurm. Wrong settings are
 * refused naming the setting; accepted ones are built without calling the cloud (nothing listens at their URLs),
 * their secrets masked, with what each can do; a Slurm cluster whose jobs would share one account is flagged.
 */
@PortalTest
class NewProviderTypesAdminTest extends AdminApiTest {

    static final String FINGERPRINT = "9C:1E:0B:4D:77:A2:3F:E8:51:C6:0D:92:8B:3A:F4:17:6E:D5:20:C9:4B:88:13:7F:A6:E2:59:0C:D1:34:4A:B7";

    @Test
    void aProxmoxClusterIsAddedWithItsDeclaredSettings() throws Exception {
        JsonNode type = typeNamed("proxmox");
        assertThat(settingNames(type)).contains("api-url", "token-id", "token-secret", "snippets-dir", "full-clone");
        Path snippets = TestWorkDirs.create("proxmox-snippets");
        Map<String, Object> settings = new java.util.HashMap<>(Map.of("api-url", "https://127.0.0.1:1",
                "token-id", "vantage@pve!portal", "token-secret", "pve-secret-4711", "fingerprint", FINGERPRINT,
                "snippets-storage", "cephfs", "snippets-dir", snippets.toString(),
                "images", Map.of("xfce", Map.of("name", "Xfce desktop", "template", 9000, "ports", List.of(5901))),
                "flavours", Map.of("small", Map.of("name", "Small", "cores", 2, "memory-mib", 4096))));

        Map<String, Object> missing = new java.util.HashMap<>(settings);
        missing.remove("token-id");
        assertRefused(proxmox(missing), "settings.token-id", "missing required setting 'token-id'");
        assertRefused(proxmox(with(settings, "fingerprint", "9C:1E")), "settings.fingerprint", "SHA-256 fingerprint");
        assertRefused(proxmox(with(settings, "snippets-dir", "/nonexistent/snippets")), "settings.snippets-dir",
                "not a folder the portal may write");
        assertRefused(proxmox(with(settings, "template-id", 9000)), "settings.template-id",
                "unknown setting 'template-id'");

        ApiClient.Response created = proxmox(settings);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.get("type").asString()).isEqualTo("proxmox");
        assertThat(created.get("loaded").asBoolean()).isTrue();
        assertThat(created.get("settings").get("token-secret").asString()).isEqualTo("****");
        assertThat(created.raw()).doesNotContain("pve-secret-4711");
        assertThat(strings(created.get("capabilities"))).containsExactlyInAnyOrder("REBOOT", "STOP_START");
        assertThat(created.get("warnings")).isEmpty();
        removed(created);
    }

    @Test
    void aKubeVirtNamespaceIsAddedAsTheKubernetesTypeInVirtualMachineMode() throws Exception {
        assertThat(settingNames(typeNamed("kubernetes"))).contains("mode", "use-spec-running", "namespace");
        Map<String, Object> settings = Map.of("api-server-url", "https://127.0.0.1:1", "token", "k8s-token-0815",
                "namespace", "vantage-vms", "mode", "virtual-machines", "use-spec-running", true,
                "images", Map.of("ubuntu", Map.of("name", "Ubuntu", "clone-from", "vm-images/ubuntu-2404",
                        "disk-size", "30Gi", "ports", List.of(5901, 8888))),
                "flavours", Map.of("small", Map.of("name", "Small", "cpu", 2, "memory-mib", 4096)));

        assertRefused(kubernetes(with(settings, "mode", "vms")), "settings.mode", "mode must be");
        assertRefused(kubernetes(with(settings, "images", Map.of("ubuntu", Map.of("clone-from", "no-namespace",
                "ports", List.of(5901))))), "settings.images", "clone-from must be namespace/claim-name");

        ApiClient.Response created = kubernetes(settings);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.get("loaded").asBoolean()).isTrue();
        assertThat(created.get("settings").get("mode").asString()).isEqualTo("virtual-machines");
        assertThat(created.get("settings").get("token").asString()).isEqualTo("****");
        assertThat(strings(created.get("capabilities"))).containsExactlyInAnyOrder("REBOOT", "STOP_START");
        removed(created);
    }

    @Test
    void aSlurmClusterWhoseJobsShareOneAccountIsFlaggedForAdmins() throws Exception {
        Map<String, Object> settings = Map.of("url", "http://127.0.0.1:1", "user-name", "slurm", "token",
                "slurm-jwt-42", "images", Map.of("notebook", Map.of("kind", "notebook")),
                "flavours", Map.of("small", Map.of("cpus", 1, "memory-mib", 1024)));
        assertRefused(slurm(with(settings, "api-version", "v0.0.36")), "settings.api-version", "api-version");

        ApiClient.Response perPerson = slurm(settings);
        assertThat(perPerson.status()).as(perPerson.raw()).isEqualTo(201);
        assertThat(strings(perPerson.get("capabilities"))).containsExactly("TIME_LIMIT");
        assertThat(perPerson.get("warnings")).as("each person's jobs under their own account").isEmpty();
        assertThat(perPerson.raw()).doesNotContain("slurm-jwt-42");

        ApiClient.Response shared = slurm(with(settings, "job-user", "vantage"));
        assertThat(shared.status()).as(shared.raw()).isEqualTo(201);
        assertThat(shared.get("warnings").get(0).asString()).contains("one Unix account 'vantage'")
                .contains("read another's files and instance secret");
        JsonNode listed = items(admin.get("/api/admin/providers").body()).stream()
                .filter(p -> p.get("id").asLong() == shared.get("id").asLong()).findFirst().orElseThrow();
        assertThat(listed.get("warnings").get(0).asString()).contains("job-user");
        removed(perPerson);
        removed(shared);
    }

    /** Nothing listens at these providers' URLs: they go again, so other tests do not see them. */
    private void removed(ApiClient.Response created) throws Exception {
        assertThat(admin.delete("/api/admin/providers/" + created.get("id").asLong()).status()).isIn(200, 204);
    }

    private ApiClient.Response proxmox(Map<String, Object> settings) throws Exception {
        return admin.post("/api/admin/providers", Map.of("name", unique("pve"), "type", "proxmox", "settings", settings));
    }

    private ApiClient.Response kubernetes(Map<String, Object> settings) throws Exception {
        return admin.post("/api/admin/providers", Map.of("name", unique("kv"), "type", "kubernetes",
                "settings", settings));
    }

    private ApiClient.Response slurm(Map<String, Object> settings) throws Exception {
        return admin.post("/api/admin/providers", Map.of("name", unique("hpc"), "type", "slurm", "settings", settings));
    }

    private JsonNode typeNamed(String name) throws Exception {
        return items(admin.get("/api/admin/provider-types").body()).stream()
                .filter(t -> t.get("type").asString().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("type " + name + " not listed"));
    }

    private static List<String> settingNames(JsonNode type) {
        return strings(type.get("settings"), "name");
    }

    private static Map<String, Object> with(Map<String, Object> settings, String key, Object value) {
        Map<String, Object> changed = new java.util.HashMap<>(settings);
        changed.put(key, value);
        return changed;
    }

    private static void assertRefused(ApiClient.Response response, String field, String message) {
        assertFieldError(response, field);
        assertThat(response.get("detail").asString()).as(response.raw()).contains(message);
    }

    private static List<String> strings(JsonNode array) {
        return items(array).stream().map(JsonNode::asString).toList();
    }
}
