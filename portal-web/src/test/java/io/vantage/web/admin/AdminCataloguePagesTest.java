package io.vantage.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vantage.api.admin.AdminFixtures;
import io.vantage.api.testing.PortalTest;

/** Images, flavours with their limits, and plans, through the admin pages. */
@PortalTest
class AdminCataloguePagesTest extends AdminPageTest {

    @Test
    void imagesAreRegisteredFromTheCloudsListEditedAndWithdrawn() throws Exception {
        long local = localProviderId();
        assertThat(page("/admin/images/import?providerId=" + local)).contains("data-offered=\"desktop\"")
                .contains("data-offered=\"notebook\"");
        String form = "/admin/images/new?providerId=" + local + "&providerImageId=desktop";
        assertThat(page(form)).contains("name=\"protocolIds\"").contains("value=\"desktop\"");

        String name = unique("Desktop for tests");
        Map<String, String> fields = new HashMap<>(Map.of("providerId", String.valueOf(local),
                "providerImageId", "desktop", "name", name, "version", "1", "extensionPolicy", "ADMIN_APPROVAL",
                "_visible", "on"));
        assertFieldError(post(form, "/admin/images", fields), "protocolIds", "choose at least one protocol");

        fields.put("protocolIds", String.valueOf(protocolId("VNC")));
        fields.put("defaultProtocolId", String.valueOf(protocolId("JUPYTER")));
        assertFieldError(post(form, "/admin/images", fields), "defaultProtocolId", "must be one of protocolIds");

        fields.put("defaultProtocolId", String.valueOf(protocolId("VNC")));
        String listed = postRedirects(form, "/admin/images", fields, "/admin/images");
        assertThat(flash(listed)).isEqualTo("success: Image \"" + name + "\" registered.");
        long id = jdbc.queryForObject("select id from images where name = ?", Long.class, name);
        assertThat(listed).contains("data-image-name=\"" + name + "\"");
        assertThat(jdbc.queryForObject("select visible from images where id = ?", Boolean.class, id))
                .as("the checkbox was not sent, so the image is hidden").isFalse();

        String edit = "/admin/images/" + id;
        assertThat(page(edit)).contains("value=\"" + name + "\"");
        Map<String, String> changes = new HashMap<>(fields);
        changes.put("name", "");
        assertFieldError(post(edit, edit, changes), "name", "is required");
        changes.put("name", name + " v2");
        changes.put("visible", "true");
        assertThat(postRedirects(edit, edit, changes, "/admin/images")).contains(name + " v2");
        assertThat(jdbc.queryForObject("select visible from images where id = ?", Boolean.class, id)).isTrue();

        String deleted = postRedirects("/admin/images", edit + "/delete", Map.of(), "/admin/images");
        assertThat(flash(deleted)).contains("can no longer be chosen for new instances")
                .doesNotContain("keep running");
        assertThat(deleted).doesNotContain("data-image-name=\"" + name + " v2\"");
    }

    @Test
    void flavoursAreRegisteredLimitedAndWithdrawnSayingWhatHappensToLiveInstances() throws Exception {
        long local = localProviderId();
        String offered = page("/admin/flavours/new?providerId=" + local);
        assertThat(offered).contains("data-offered=\"medium\"").contains("data-offered=\"large\"");
        String prefilled = page("/admin/flavours/new?providerId=" + local + "&offered=medium");
        assertThat(prefilled).containsPattern("id=\"providerFlavourId\" name=\"providerFlavourId\" value=\"medium\"");

        String from = "/admin/flavours/new?providerId=" + local;
        Map<String, String> fields = new HashMap<>(Map.of("providerId", String.valueOf(local),
                "providerFlavourId", "no-such-size", "name", unique("Huge")));
        assertFieldError(post(from, "/admin/flavours", fields), "providerFlavourId", "offers no flavour 'no-such-size'");
        fields.put("providerFlavourId", "medium");
        fields.put("name", "Small (1 CPU, 2 GiB)");
        assertFieldError(post(from, "/admin/flavours", fields), "name", "is already called 'Small (1 CPU, 2 GiB)'");
        fields.put("cpu", "0");
        assertFieldError(post(from, "/admin/flavours", fields), "cpu", "must be greater than 0");

        String name = unique("Medium for tests");
        fields.put("name", name);
        fields.remove("cpu");
        String listed = postRedirects(from, "/admin/flavours", fields, "/admin/flavours");
        assertThat(flash(listed)).isEqualTo("success: Flavour \"" + name + "\" registered.");
        long id = jdbc.queryForObject("select id from flavours where name = ?", Long.class, name);
        assertThat(jdbc.queryForObject("select cpu from flavours where id = ?", Integer.class, id))
                .as("taken from the cloud's flavour").isEqualTo(2);

        String edit = "/admin/flavours/" + id;
        String limited = postRedirects(edit, edit + "/limits", Map.of("target", "ROLE:STAFF"), edit);
        assertThat(limited).contains("data-limit=\"STAFF\"");
        assertThat(flash(postRedirects(edit, edit + "/limits", Map.of("target", "ROLE:STAFF"), edit)))
                .startsWith("danger").contains("is already limited to role STAFF");
        long limit = jdbc.queryForObject("select id from flavour_limits where flavour_id = ?", Long.class, id);
        String open = postRedirects(edit, edit + "/limits/" + limit + "/delete", Map.of(), edit);
        assertThat(flash(open)).contains("everyone may use this flavour now");

        assertFieldError(post(edit, edit, Map.of("name", name, "cpu", "", "memoryMib", "4096", "gpu", "0")),
                "cpu", "is required");
        postRedirects(edit, edit, Map.of("name", name, "cpu", "3", "memoryMib", "4096", "gpu", "0"), "/admin/flavours");
        assertThat(jdbc.queryForObject("select cpu from flavours where id = ?", Integer.class, id)).isEqualTo(3);

        AdminFixtures.Catalogue inUse = fixtures.disabledCatalogue();
        fixtures.instance(inUse, fixtures.user(), unique("Still running"), "ACTIVE");
        String withdrawn = postRedirects("/admin/flavours/" + inUse.flavourId(),
                "/admin/flavours/" + inUse.flavourId() + "/delete", Map.of(), "/admin/flavours");
        assertThat(flash(withdrawn)).startsWith("warning")
                .contains("1 plan(s) offering it were withdrawn")
                .contains("1 live instance(s) using it keep running until they are deleted");
    }

    @Test
    void plansAreCreatedFromAnImageAndAFlavourMadePresetAndDeleted() throws Exception {
        AdminFixtures.Catalogue other = fixtures.disabledCatalogue();
        long desktop = jdbc.queryForObject("select id from images where provider_image_id = 'desktop' and name = "
                + "'Analysis desktop'", Long.class);
        assertFieldError(post("/admin/plans", "/admin/plans", Map.of("imageId", String.valueOf(desktop))),
                "flavourId", "choose a flavour");
        assertFieldError(post("/admin/plans", "/admin/plans", Map.of("imageId", String.valueOf(desktop),
                "flavourId", String.valueOf(other.flavourId()))), "flavourId", "a plan needs both on the same provider");

        // not the cloud's "small": other tests look the demo's desktop-on-small plan up as the only one
        String name = unique("Plan flavour");
        postRedirects("/admin/flavours/new", "/admin/flavours", Map.of("providerId", String.valueOf(localProviderId()),
                "providerFlavourId", "large", "name", name), "/admin/flavours");
        long flavour = jdbc.queryForObject("select id from flavours where name = ?", Long.class, name);
        String created = postRedirects("/admin/plans", "/admin/plans", Map.of("imageId", String.valueOf(desktop),
                "flavourId", String.valueOf(flavour)), "/admin/plans");
        assertThat(flash(created)).isEqualTo("success: Plan created: Analysis desktop on " + name + ".");
        assertThat(created).contains("data-flavour=\"" + name + "\"");
        assertThat(post("/admin/plans", "/admin/plans", Map.of("imageId", String.valueOf(desktop),
                "flavourId", String.valueOf(flavour))).body()).contains("form-errors").contains("is already offered");

        long plan = jdbc.queryForObject("select id from plans where flavour_id = ?", Long.class, flavour);
        postRedirects("/admin/plans", "/admin/plans/" + plan + "/preset", Map.of("preset", "true"), "/admin/plans");
        assertThat(jdbc.queryForObject("select preset from plans where id = ?", Boolean.class, plan)).isTrue();
        String deleted = postRedirects("/admin/plans", "/admin/plans/" + plan + "/delete", Map.of(), "/admin/plans");
        assertThat(flash(deleted)).contains("can no longer be chosen");
        assertThat(jdbc.queryForObject("select deleted from plans where id = ?", Boolean.class, plan)).isTrue();
    }

    long protocolId(String name) {
        return jdbc.queryForObject("select id from protocols where name = ?", Long.class, name);
    }
}
