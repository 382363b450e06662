package io.vantage.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vantage.api.admin.AdminFixtures;
import io.vantage.api.testing.PortalTest;

/** Warning leads per role and per image on the lifetime page, and its test e-mail on a portal without mail. */
@PortalTest
class AdminLifetimePagesTest extends AdminPageTest {

    @Test
    void leadsAreSetPerRoleAndImageInReadableDurationsAndCleared() throws Exception {
        AdminFixtures.Catalogue catalogue = fixtures.disabledCatalogue();
        String html = page("/admin/lifetime");
        assertThat(html).contains("Configured (vantage.lifecycle): 2 d before the end of a lifetime, 1 d before an "
                + "inactivity deletion.").contains("data-role=\"GUEST\"").contains("data-image=\"" + catalogue.imageId() + "\"");

        String saved = postRedirects("/admin/lifetime", "/admin/lifetime/roles/GUEST",
                Map.of("lifetimeWarning", "3d", "inactivityWarning", "90"), "/admin/lifetime");
        assertThat(flash(saved)).isEqualTo("success: Warnings for GUEST saved.");
        assertThat(jdbc.queryForMap("""
                select w.lifetime_warning_minutes, w.inactivity_warning_minutes from warning_leads w
                join roles r on r.id = w.role_id where r.name = 'GUEST'"""))
                .containsEntry("lifetime_warning_minutes", 4320).containsEntry("inactivity_warning_minutes", 90);
        assertThat(saved).contains("id=\"role-GUEST-lifetimeWarning\"").containsPattern(
                "id=\"role-GUEST-lifetimeWarning\"[^>]*value=\"3d\"|value=\"3d\"[^>]*id=\"role-GUEST-lifetimeWarning\"");

        String image = "/admin/lifetime/images/" + catalogue.imageId();
        postRedirects("/admin/lifetime", image, Map.of("lifetimeWarning", "", "inactivityWarning", "6h"),
                "/admin/lifetime");
        assertThat(jdbc.queryForMap("select lifetime_warning_minutes, inactivity_warning_minutes from warning_leads "
                + "where image_id = ?", catalogue.imageId())).containsEntry("lifetime_warning_minutes", null)
                .containsEntry("inactivity_warning_minutes", 360);

        var refused = post("/admin/lifetime", image, Map.of("lifetimeWarning", "soon", "inactivityWarning", "45d"));
        assertFieldError(refused, "image-" + catalogue.imageId() + "-lifetimeWarning", "Type a duration such as 48h");
        assertFieldError(refused, "image-" + catalogue.imageId() + "-inactivityWarning", "Between one minute and 30 days");
        assertThat(refused.body()).as("what was typed stays").contains("value=\"soon\"");

        postRedirects("/admin/lifetime", "/admin/lifetime/roles/GUEST/reset", Map.of(), "/admin/lifetime");
        postRedirects("/admin/lifetime", image + "/reset", Map.of(), "/admin/lifetime");
        assertThat(jdbc.queryForObject("select count(*) from warning_leads w left join roles r on r.id = w.role_id "
                + "where r.name = 'GUEST' or w.image_id = ?", Integer.class, catalogue.imageId())).isZero();
        assertThat(jdbc.queryForList("select action from audit_events where action like 'admin.expiry.warnings.%' "
                + "and target_id in ('GUEST', ?) order by id", String.class, String.valueOf(catalogue.imageId())))
                .containsExactly("admin.expiry.warnings.set", "admin.expiry.warnings.set",
                        "admin.expiry.warnings.reset", "admin.expiry.warnings.reset");
    }

    @Test
    void theTestMailSaysPlainlyWhenThePortalCannotSendMail() throws Exception {
        String done = postRedirects("/admin/lifetime", "/admin/lifetime/test-mail", Map.of(), "/admin/lifetime");
        assertThat(flash(done)).startsWith("danger: The portal could not send e-mail: no mail server is configured");
    }
}
