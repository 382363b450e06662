package io.vantage.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vantage.api.testing.PortalTest;
import io.vantage.api.testing.TestWorkDirs;

/**
 * The admin console's form adds each provider type of issue 17 from its declared settings (maps written as the
 * configuration file writes them); a Slurm cluster whose jobs share one account is shown with its warning.
 */
@PortalTest
class NewProviderTypesPagesTest extends AdminPageTest {

    static final String FORM = "/admin/providers/new";

    @Test
    void theFormAddsProxmoxKubeVirtAndSlurmProviders() throws Exception {
        assertThat(page(FORM + "?type=proxmox")).contains("name=\"values[api-url]\"")
                .containsPattern("type=\"password\"[^>]*name=\"values\\[token-secret\\]\"");
        assertThat(page(FORM + "/fields?type=kubernetes")).contains("name=\"values[mode]\"")
                .contains("name=\"values[use-spec-running]\"");
        assertThat(page(FORM + "/fields?type=slurm")).contains("name=\"values[job-user]\"")
                .containsPattern("type=\"password\"[^>]*name=\"values\\[token\\]\"");

        assertFieldError(post(FORM, "/admin/providers", Map.of("name", unique("pve"), "type", "proxmox",
                "values[api-url]", "http://pve1.example.org:8006", "values[token-id]", "vantage@pve!portal",
                "values[token-secret]", "s", "values[snippets-storage]", "cephfs", "values[snippets-dir]", "/tmp",
                "values[images]", "{xfce: {template: 9000}}", "values[flavours]", "{small: {cores: 2, memory-mib: 4096}}")),
                "values[api-url]", "must be an https URL");
        String snippets = TestWorkDirs.create("pages-snippets").toString();
        String pve = unique("pve");
        assertThat(flash(postRedirects(FORM, "/admin/providers", Map.of("name", pve, "type", "proxmox",
                "values[api-url]", "https://127.0.0.1:1", "values[token-id]", "vantage@pve!portal",
                "values[token-secret]", "s", "values[snippets-storage]", "cephfs", "values[snippets-dir]", snippets,
                "values[images]", "{xfce: {name: Xfce, template: 9000, ports: [5901]}}",
                "values[flavours]", "{small: {cores: 2, memory-mib: 4096}}"), "/admin/providers")))
                .isEqualTo("success: Cloud provider " + pve + " added.");

        String kubevirt = unique("kv");
        assertThat(flash(postRedirects(FORM, "/admin/providers", Map.of("name", kubevirt, "type", "kubernetes",
                "values[namespace]", "vantage-vms", "values[mode]", "virtual-machines",
                "values[api-server-url]", "https://127.0.0.1:1", "values[token]", "t",
                "values[images]", "{xfce: {image: registry.example.org/xfce-containerdisk:1, ports: [5901]}}",
                "values[flavours]", "{small: {cpu: 2, memory-mib: 4096}}"), "/admin/providers")))
                .isEqualTo("success: Cloud provider " + kubevirt + " added.");

        String hpc = unique("hpc");
        assertThat(flash(postRedirects(FORM, "/admin/providers", Map.of("name", hpc, "type", "slurm",
                "values[url]", "http://127.0.0.1:1", "values[user-name]", "vantage", "values[token]", "t",
                "values[job-user]", "vantage", "values[images]", "{notebook: {kind: notebook}}",
                "values[flavours]", "{small: {cpus: 1, memory-mib: 1024}}", "enabled", "on"), "/admin/providers")))
                .isEqualTo("success: Cloud provider " + hpc + " added.");
        assertThat(jdbc.queryForObject("select settings->>'mode' from cloud_providers where name = ?", String.class,
                kubevirt)).isEqualTo("virtual-machines");
        assertThat(jdbc.queryForObject("select settings->'images'->'xfce'->>'template' from cloud_providers "
                + "where name = ?", String.class, pve)).isEqualTo("9000");

        String providers = page("/admin/providers");
        String card = providers.substring(providers.indexOf("data-provider=\"" + hpc + "\""));
        card = card.substring(0, card.indexOf("</form>"));
        assertThat(card).contains("provider-warning").contains("All jobs run as the one Unix account 'vantage'");

        for (String name : new String[] {pve, kubevirt, hpc}) {
            long id = jdbc.queryForObject("select id from cloud_providers where name = ?", Long.class, name);
            assertThat(flash(postRedirects("/admin/providers", "/admin/providers/" + id + "/delete", Map.of(),
                    "/admin/providers"))).isEqualTo("success: Cloud provider deleted.");
        }
    }
}
