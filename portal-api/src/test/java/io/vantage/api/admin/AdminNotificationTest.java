package io.vantage.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.PortalTest;

/** System notifications: admins write them, everyone sees the active ones until they acknowledge them. */
@PortalTest
class AdminNotificationTest extends AdminApiTest {

    @Test
    void activeNotificationsShowUntilAcknowledged() throws Exception {
        String message = unique("Maintenance on Thursday");
        ApiClient.Response created = admin.post("/api/admin/notifications",
                Map.of("message", message, "level", "WARNING", "display", "MODAL"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.get("id").asLong();
        assertThat(created.get("active").asBoolean()).isTrue();
        assertThat(created.get("createdBy").asString()).isEqualTo("admin");

        assertThat(strings(user.get("/api/notifications").body(), "message")).contains(message);
        assertThat(user.post("/api/notifications/" + id + "/acknowledge", null).status()).isEqualTo(204);
        assertThat(user.post("/api/notifications/" + id + "/acknowledge", null).status()).as("again is harmless")
                .isEqualTo(204);
        assertThat(strings(user.get("/api/notifications").body(), "message")).doesNotContain(message);
        assertProblem(user.post("/api/notifications/999999/acknowledge", null), 404);

        ApiClient other = new ApiClient(base(), oidc, "1002");
        assertThat(strings(other.get("/api/notifications").body(), "message")).contains(message);
        ApiClient.Response disabled = admin.post("/api/admin/notifications/" + id + "/disable", null);
        assertThat(disabled.get("active").asBoolean()).isFalse();
        assertThat(strings(other.get("/api/notifications").body(), "message")).doesNotContain(message);
        admin.post("/api/admin/notifications/" + id + "/enable", null);
        assertThat(strings(other.get("/api/notifications").body(), "message")).contains(message);

        assertThat(admin.delete("/api/admin/notifications/" + id).status()).isEqualTo(204);
        assertProblem(admin.get("/api/admin/notifications/" + id), 404);
        assertThat(audit("notification", id)).containsExactly("admin.notification.create:SUCCESS",
                "admin.notification.disable:SUCCESS", "admin.notification.enable:SUCCESS",
                "admin.notification.delete:SUCCESS");
    }

    @Test
    void scheduledNotificationsWaitForTheirStart() throws Exception {
        Instant from = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String message = unique("Cloud upgrade next week");
        ApiClient.Response created = admin.post("/api/admin/notifications", Map.of("message", message,
                "activeFrom", from.toString(), "activeUntil", from.plus(2, ChronoUnit.HOURS).toString()));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.get("active").asBoolean()).isFalse();
        assertThat(created.get("level").asString()).isEqualTo("INFO");
        assertThat(strings(user.get("/api/notifications").body(), "message")).doesNotContain(message);
        long id = created.get("id").asLong();

        ApiClient.Response updated = admin.put("/api/admin/notifications/" + id, Map.of("message", message + "!",
                "level", "CRITICAL", "display", "BANNER"));
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.get("active").asBoolean()).as("no dates: shown from now").isTrue();
        assertThat(strings(admin.get("/api/admin/notifications").body(), "message")).contains(message + "!");
        assertThat(audit("notification", id)).containsExactly("admin.notification.create:SUCCESS",
                "admin.notification.update:SUCCESS");
        admin.delete("/api/admin/notifications/" + id);
    }

    @Test
    void invalidNotificationsAreRefusedNamingTheField() throws Exception {
        Instant now = Instant.now();
        Map<String, Object> backwards = new HashMap<>(Map.of("message", "x", "activeFrom", now.toString(),
                "activeUntil", now.minusSeconds(3600).toString()));
        assertFieldError(admin.post("/api/admin/notifications", backwards), "activeUntil");
        assertFieldError(admin.post("/api/admin/notifications", Map.of("message", "x", "level", "LOUD")), "level");
        assertFieldError(admin.post("/api/admin/notifications", Map.of("message", " ")), "message");
        assertFieldError(admin.post("/api/admin/notifications", Map.of("message", "x", "display", "POPUP")),
                "display");
        assertProblem(admin.put("/api/admin/notifications/999999", Map.of("message", "x")), 404);
        assertProblem(admin.post("/api/admin/notifications/999999/enable", null), 404);
    }
}
