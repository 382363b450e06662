package io.vantage.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vantage.api.admin.AdminFixtures;
import io.vantage.api.testing.PortalTest;

/**
 * Cloud providers and security groups through the admin pages. The configured {@code local} provider is only
 * read and tested here: the API tests count the audit events of refused changes to it.
 */
@PortalTest
class AdminCloudPagesTest extends AdminPageTest {

    @Test
    void providersAreAddedTestedSwitchedAndDeletedWithRefusalsExplained() throws Exception {
        assertThat(page("/admin/providers")).contains("data-provider=\"local\"")
                .contains("From the configuration file");
        String form = "/admin/providers/new";
        assertThat(page(form + "?type=openstack")).as("the type's declared settings, with their meaning")
                .contains("name=\"values[auth-url]\"").contains("Keystone v3 URL")
                .containsPattern("type=\"password\"[^>]*name=\"values\\[password\\]\"");
        assertThat(page(form + "/fields?type=kubernetes")).contains("name=\"values[namespace]\"")
                .doesNotContain("values[auth-url]");
        assertFieldError(post(form, "/admin/providers", Map.of("name", "Not Valid", "type", "local")),
                "name", "must be lower-case letters, digits and dashes");
        assertFieldError(post(form, "/admin/providers", Map.of("name", unique("cloud"), "type", "openstack",
                "values[auth-url]", "https://keystone.example.org/v3", "values[network-ids]", "[net-1, ")),
                "values[network-ids]", "cannot be read as a map or list");
        assertFieldError(post(form, "/admin/providers", Map.of("name", unique("cloud"), "type", "openstack",
                "values[region]", "RegionOne")), "values[auth-url]", "missing required setting 'auth-url'");

        String name = unique("spare");
        String added = postRedirects(form, "/admin/providers", Map.of("name", name, "type", "local",
                "values[work-dir]", System.getProperty("java.io.tmpdir") + "/vantage-admin-pages",
                "values[max-instances]", "2", "_enabled", "on"), "/admin/providers");
        assertThat(flash(added)).isEqualTo("success: Cloud provider " + name + " added.");
        long id = jdbc.queryForObject("select id from cloud_providers where name = ?", Long.class, name);
        assertThat(jdbc.queryForObject("select enabled from cloud_providers where id = ?", Boolean.class, id)).isFalse();
        assertThat(jdbc.queryForObject("select settings->>'max-instances' from cloud_providers where id = ?",
                String.class, id)).isEqualTo("2");
        String edit = "/admin/providers/" + id + "/edit";
        assertThat(page(edit)).contains("value=\"2\"");
        String workDir = System.getProperty("java.io.tmpdir") + "/vantage-admin-pages";
        assertFieldError(post(edit, "/admin/providers/" + id + "/settings", Map.of("values[work-dir]", workDir,
                "values[max-instances]", "-1")), "values[max-instances]", "must not be negative");
        assertThat(flash(postRedirects(edit, "/admin/providers/" + id + "/settings", Map.of("values[work-dir]",
                workDir, "values[max-instances]", "3"), "/admin/providers")))
                .isEqualTo("success: Settings of cloud provider " + name + " saved.");

        HttpResponse<String> tested = htmx("/admin/providers", "/admin/providers/" + localProviderId() + "/test", Map.of());
        assertThat(tested.body()).contains("provider-test").contains("data-up=\"true\"").contains("Answers");

        assertThat(flash(postRedirects("/admin/providers", "/admin/providers/" + id + "/enable", Map.of(),
                "/admin/providers"))).isEqualTo("success: Cloud provider " + name + " enabled.");
        assertThat(flash(postRedirects("/admin/providers", "/admin/providers/" + id + "/delete", Map.of(),
                "/admin/providers"))).isEqualTo("success: Cloud provider deleted.");
        assertThat(jdbc.queryForObject("select count(*) from cloud_providers where id = ?", Integer.class, id)).isZero();

        AdminFixtures.Catalogue used = fixtures.disabledCatalogue();
        assertThat(flash(postRedirects("/admin/providers", "/admin/providers/" + used.providerId() + "/delete",
                Map.of(), "/admin/providers"))).startsWith("danger").contains("is used by image '" + used.imageName());
    }

    @Test
    void securityGroupsAreAddedWithRulesPerProvider() throws Exception {
        long local = localProviderId();
        String page = "/admin/security-groups?providerId=" + local;
        assertFieldError(post(page, page, Map.of("name", "")), "name", "is required");
        String name = unique("sg");
        String added = postRedirects(page, page, Map.of("name", name), "/admin/security-groups");
        assertThat(flash(added)).as("the local cloud has none to check against")
                .isEqualTo("warning: Cloud provider 'local' has no security groups; this one is recorded but "
                        + "changes nothing there.");
        assertThat(added).contains("data-security-group=\"" + name + "\"");
        long id = jdbc.queryForObject("select id from security_groups where name = ?", Long.class, name);

        String ruled = postRedirects(page, "/admin/security-groups/" + id + "/rules",
                Map.of("providerId", String.valueOf(local), "rule", "INSTRUMENT:D22"), "/admin/security-groups");
        assertThat(flash(ruled)).isEqualTo("success: Rule added.");
        assertThat(ruled).contains("instrument D22");
        assertThat(flash(postRedirects(page, "/admin/security-groups/" + id + "/rules",
                Map.of("providerId", String.valueOf(local), "rule", "ROLE:NO_SUCH_ROLE"), "/admin/security-groups")))
                .startsWith("danger").contains("no role 'NO_SUCH_ROLE'");
        postRedirects(page, "/admin/security-groups/" + id + "/default", Map.of("defaultForAll", "true"),
                "/admin/security-groups");
        assertThat(jdbc.queryForObject("select default_for_all from security_groups where id = ?", Boolean.class, id))
                .isTrue();
        postRedirects(page, "/admin/security-groups/" + id + "/delete", Map.of("providerId", String.valueOf(local)),
                "/admin/security-groups");
        assertThat(jdbc.queryForObject("select count(*) from security_groups where id = ?", Integer.class, id)).isZero();
    }
}
