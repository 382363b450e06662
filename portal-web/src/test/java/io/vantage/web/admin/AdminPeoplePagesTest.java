package io.vantage.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vantage.api.testing.HttpSession;
import io.vantage.api.testing.PortalTest;

/** Users (grants, quota), roles and groups, and system notifications, through the admin pages. */
@PortalTest
class AdminPeoplePagesTest extends AdminPageTest {

    @Test
    void usersAreFoundAndGivenRolesAndAQuota() throws Exception {
        String id = fixtures.user();
        fixtures.grant(id, "INSTRUMENT_SCIENTIST", "USER_OFFICE");
        String last = "Tester" + id;
        assertThat(page("/admin/users?q=" + last)).contains("data-user-id=\"" + id + "\"")
                .doesNotContain("data-user-id=\"1001\"");

        String user = "/admin/users/" + id;
        assertThat(page(user)).contains("Test " + last).contains("data-role=\"INSTRUMENT_SCIENTIST\"")
                .contains("User office");
        assertFieldError(post(user, user + "/roles", Map.of("role", "STAFF",
                "expiresAt", LocalDateTime.now().minusDays(1).withNano(0).toString())), "expiresAt", "must be a future date");
        assertFieldError(post(user, user + "/roles", Map.of("role", "")), "role", "is required");

        String granted = postRedirects(user, user + "/roles", Map.of("role", "STAFF",
                "expiresAt", LocalDateTime.now().plusDays(30).withNano(0).toString()), user);
        assertThat(flash(granted)).isEqualTo("success: Role STAFF granted.");
        assertThat(granted).contains("data-role=\"STAFF\" data-source=\"PORTAL\"");
        assertThat(jdbc.queryForObject("select count(*) from user_roles ur join roles r on r.id = ur.role_id "
                + "where ur.user_id = ? and r.name = 'STAFF' and ur.expires_at is not null", Integer.class, id)).isOne();

        String refused = postRedirects(user, user + "/roles/INSTRUMENT_SCIENTIST/revoke", Map.of(), user);
        assertThat(flash(refused)).startsWith("danger").contains("the user office (the nightly import would restore it)");
        String revoked = postRedirects(user, user + "/roles/STAFF/revoke", Map.of(), user);
        assertThat(flash(revoked)).isEqualTo("success: Role STAFF revoked.");
        assertThat(revoked).doesNotContain("data-role=\"STAFF\"");

        assertFieldError(post(user, user + "/quota", Map.of("instanceQuota", "-1")), "instanceQuota",
                "must be greater than or equal to 0");
        assertFieldError(post(user, user + "/quota", Map.of("instanceQuota", "two")), "instanceQuota",
                "must be a whole number");
        assertThat(flash(postRedirects(user, user + "/quota", Map.of("instanceQuota", "5"), user)))
                .isEqualTo("success: The instance quota is now 5.");
        assertThat(jdbc.queryForObject("select instance_quota from users where id = ?", Integer.class, id)).isEqualTo(5);
        postRedirects(user, user + "/quota", Map.of("instanceQuota", ""), user);
        assertThat(jdbc.queryForObject("select instance_quota from users where id = ?", Integer.class, id)).isNull();
    }

    @Test
    void anAdminEndsAPersonsSessionsFromTheirPage() throws Exception {
        String id = fixtures.user();
        HttpSession person = new HttpSession(base());
        person.loginThroughEmbeddedProvider(id, "{\"given_name\":\"Test\",\"family_name\":\"Tester" + id + "\"}");
        assertThat(person.get("/api/me").statusCode()).isEqualTo(200);

        String user = "/admin/users/" + id;
        assertThat(page(user)).contains("id=\"end-sessions\"").contains("Sign Test Tester" + id + " out everywhere?");
        String ended = postRedirects(user, user + "/sessions/end", Map.of(), user);

        assertThat(flash(ended)).isEqualTo("success: One session ended.");
        assertThat(HttpSession.location(person.get("/"))).endsWith("/oauth2/authorization/vantage");
        assertThat(person.get("/api/me").statusCode()).isEqualTo(401);
        assertThat(page("/admin")).as("the admin's own session is untouched").isNotEmpty();
        assertThat(jdbc.queryForObject("select details from audit_events where action = 'admin.user.sessions.end' "
                + "and target_id = ?", String.class, id)).isEqualTo("1 session(s) ended");
        assertThat(flash(postRedirects(user, user + "/sessions/end", Map.of(), user)))
                .isEqualTo("success: No session was open.");
    }

    @Test
    void rolePoliciesAreSetAndResetAndGroupsMadeAndDeleted() throws Exception {
        assertThat(page("/admin/roles")).contains("data-role=\"GUEST\"").contains("data-role=\"STAFF\"");
        String group = unique("beamline");
        assertFieldError(post("/admin/roles", "/admin/groups", Map.of("name", "has spaces")), "name",
                "must be 1-64 letters, digits");
        assertFieldError(post("/admin/roles", "/admin/groups", Map.of("name", "STAFF")), "name", "is a built-in role");
        String created = postRedirects("/admin/roles", "/admin/groups", Map.of("name", group, "description", "D22 team"),
                "/admin/roles");
        assertThat(created).contains("data-role=\"" + group + "\" data-source=\"DEFAULT\"");

        String edit = "/admin/roles/" + group;
        Map<String, String> policy = Map.of("instances", "3", "vcpu", "12", "memoryMib", "49152", "gpu", "1",
                "lifetimeMinutes", "0", "inactivityMinutes", "1440");
        assertFieldError(post(edit, edit + "/policy", policy), "lifetimeMinutes", "must be greater than 0");
        Map<String, String> valid = new java.util.HashMap<>(policy);
        valid.put("lifetimeMinutes", "20160");
        String saved = postRedirects(edit, edit + "/policy", valid, "/admin/roles");
        assertThat(saved).contains("data-role=\"" + group + "\" data-source=\"DATABASE\"");
        assertThat(page(edit)).contains("value=\"20160\"").contains("set by an admin, here");
        String reset = postRedirects(edit, edit + "/policy/reset", Map.of(), "/admin/roles");
        assertThat(flash(reset)).contains("now set by the configured defaults");

        long flavour = jdbc.queryForObject("select id from flavours where provider_flavour_id = 'small' and not deleted "
                + "order by id limit 1", Long.class);
        jdbc.update("insert into flavour_limits (flavour_id, object_type, role_id) select ?, 'ROLE', id from roles "
                + "where name = ?", flavour, group);
        assertThat(flash(postRedirects("/admin/roles", "/admin/groups/" + group + "/delete", Map.of(), "/admin/roles")))
                .startsWith("danger").contains("remove those limits and rules first");
        jdbc.update("delete from flavour_limits where role_id = (select id from roles where name = ?)", group);
        assertThat(flash(postRedirects("/admin/roles", "/admin/groups/" + group + "/delete", Map.of(), "/admin/roles")))
                .startsWith("success").contains("Group " + group + " deleted");
    }

    @Test
    void notificationsAreWrittenScheduledSwitchedAndDeleted() throws Exception {
        String message = unique("Maintenance on Tuesday");
        String form = "/admin/notifications/new";
        assertFieldError(post(form, "/admin/notifications", Map.of("message", " ", "level", "INFO",
                "display", "BANNER")), "message", "is required");
        assertFieldError(post(form, "/admin/notifications", Map.of("message", message, "level", "WARNING",
                "display", "MODAL", "activeFrom", "2030-01-02T10:00", "activeUntil", "2030-01-01T10:00")),
                "activeUntil", "must be later than \"Show from\"");
        String listed = postRedirects(form, "/admin/notifications", Map.of("message", message, "level", "CRITICAL",
                "display", "BANNER", "activeFrom", "", "activeUntil", ""), "/admin/notifications");
        assertThat(listed).contains(message).contains("showing now");
        assertThat(page("/")).as("everyone sees it now").contains(message);

        long id = jdbc.queryForObject("select id from system_notifications where message = ?", Long.class, message);
        String edit = "/admin/notifications/" + id;
        postRedirects(edit, edit, Map.of("message", message + " (updated)", "level", "INFO", "display", "MODAL",
                "activeFrom", "", "activeUntil", ""), "/admin/notifications");
        assertThat(jdbc.queryForObject("select display from system_notifications where id = ?", String.class, id))
                .isEqualTo("MODAL");
        assertThat(postRedirects("/admin/notifications", edit + "/disable", Map.of(), "/admin/notifications"))
                .contains("Notification disabled");
        assertThat(page("/")).doesNotContain(message);
        postRedirects("/admin/notifications", edit + "/delete", Map.of(), "/admin/notifications");
        assertThat(jdbc.queryForObject("select count(*) from system_notifications where id = ?", Integer.class, id))
                .isZero();
    }
}
