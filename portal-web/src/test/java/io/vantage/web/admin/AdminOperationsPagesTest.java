package io.vantage.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

import io.vantage.api.admin.AdminFixtures;
import io.vantage.api.testing.PortalTest;

/** Overview, instances, extension requests and audit log pages (user-office imports: EtlRunPagesTest). */
@PortalTest
class AdminOperationsPagesTest extends AdminPageTest {

    @Test
    void overviewCountsInstancesAndShowsFailuresAndProviderHealth() throws Exception {
        AdminFixtures.Catalogue catalogue = fixtures.disabledCatalogue();
        AdminFixtures.Fixture running = fixtures.instance(catalogue, fixtures.user(), unique("Overview"), "ACTIVE");
        fixtures.failedCommand(running.id(), "The cloud said no: quota exceeded");

        String html = page("/admin");
        assertThat(html).contains("Live instances by state").contains("data-state=\"ACTIVE\"")
                .contains("The cloud said no: quota exceeded")
                .contains("data-provider=\"local\"").contains(catalogue.providerName())
                .contains("href=\"/admin/instances\"").contains("href=\"/admin/etl-runs\"");
        assertThat(html).as("the disabled fixture cloud is shown as such").containsPattern(
                "data-provider=\"" + catalogue.providerName() + "\">\\s*<span class=\"badge provider-health text-bg-secondary\"");
    }

    @Test
    void instancesAreFilteredAndActedOnRowByRow() throws Exception {
        AdminFixtures.Catalogue catalogue = fixtures.disabledCatalogue();
        String owner = fixtures.user();
        AdminFixtures.Fixture active = fixtures.instance(catalogue, owner, unique("Reduction"), "ACTIVE");
        AdminFixtures.Fixture stopped = fixtures.instance(catalogue, owner, unique("Old fits"), "STOPPED");

        String all = page("/admin/instances?providerId=" + catalogue.providerId());
        assertThat(all).contains("data-live-uid=\"" + active.uid() + "\"")
                .contains("data-live-url=\"/admin/instances/" + active.uid() + "/row\"")
                .contains("data-live-uid=\"" + stopped.uid() + "\"").contains("Fixture flavour");
        String filtered = page("/admin/instances?state=STOPPED&providerId=" + catalogue.providerId());
        assertThat(filtered).contains(stopped.uid()).doesNotContain(active.uid());
        assertThat(page("/admin/instances?q=" + active.uid())).contains(active.uid()).doesNotContain(stopped.uid());

        String from = "/admin/instances?q=" + active.uid();
        HttpResponse<String> past = htmx(from, "/admin/instances/" + active.uid() + "/extend",
                Map.of("terminationDate", "2020-01-01T10:00"));
        assertThat(past.statusCode()).isEqualTo(200);
        assertThat(HtmlUtils.htmlUnescape(past.body())).startsWith("<tr").contains("is-invalid")
                .contains("The new termination date must be in the future");

        LocalDateTime until = LocalDateTime.now().plusDays(20).truncatedTo(ChronoUnit.MINUTES);
        HttpResponse<String> extended = htmx(from, "/admin/instances/" + active.uid() + "/extend",
                Map.of("terminationDate", until.toString()));
        assertThat(extended.body()).doesNotContain("is-invalid").contains("id=\"admin-instance-" + active.uid() + "\"");
        assertThat(jdbc.queryForObject("select termination_date from instances where uid = ?",
                java.sql.Timestamp.class, active.uid()).toInstant())
                .isEqualTo(until.atZone(ZoneId.systemDefault()).toInstant());

        HttpResponse<String> synced = htmx(from, "/admin/instances/" + active.uid() + "/sync", Map.of());
        assertThat(synced.statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from instance_commands where instance_id = ? and type = 'SYNC'",
                Integer.class, active.id())).isEqualTo(1);

        HttpResponse<String> refused = htmx(from, "/admin/instances/" + active.uid() + "/start", Map.of());
        assertThat(refused.statusCode()).as("starting a running instance is refused").isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(refused.body()).contains("\"detail\"");

        String cleaned = postRedirects("/admin/instances", "/admin/instances/orphans/cleanup", Map.of(),
                "/admin/instances");
        assertThat(flash(cleaned)).startsWith("success").contains("orphaned machine");
        assertThat(jdbc.queryForObject("select count(*) from audit_events where action = 'admin.orphans.cleanup'",
                Integer.class)).isPositive();
    }

    @Test
    void extensionRequestsAreApprovedOrRefusedWithAReason() throws Exception {
        AdminFixtures.Catalogue catalogue = fixtures.disabledCatalogue();
        String requester = fixtures.user();
        AdminFixtures.Fixture instance = fixtures.instance(catalogue, requester, unique("Long fit"), "ACTIVE");
        long first = fixtures.extensionRequest(instance.id(), requester, 10);
        long second = fixtures.extensionRequest(instance.id(), requester, 12);

        assertThat(page("/admin/extension-requests")).contains("data-request-id=\"" + first + "\"")
                .contains("Beamtime was extended");
        HttpResponse<String> noReason = post("/admin/extension-requests",
                "/admin/extension-requests/" + second + "/refuse", Map.of("comment", " "));
        assertFieldError(noReason, "comment-" + second, "Say why: the requester is told.");
        assertThat(jdbc.queryForObject("select state from instance_extension_requests where id = ?", String.class,
                second)).isEqualTo("PENDING");

        String approved = postRedirects("/admin/extension-requests", "/admin/extension-requests/" + first + "/approve",
                Map.of("comment", ""), "/admin/extension-requests");
        assertThat(flash(approved)).startsWith("success").contains("now lives until the requested date");
        String refused = postRedirects("/admin/extension-requests", "/admin/extension-requests/" + second + "/refuse",
                Map.of("comment", "Not for this proposal"), "/admin/extension-requests");
        assertThat(refused).doesNotContain("data-request-id=\"" + second + "\"");
        assertThat(page("/admin/extension-requests?state=REFUSED")).contains("Not for this proposal");
        assertThat(jdbc.queryForObject("select state from instance_extension_requests where id = ?", String.class,
                first)).isEqualTo("ACCEPTED");
    }

    @Test
    void auditLogIsFilteredAndABadDateIsMarked() throws Exception {
        String group = unique("audited");
        postRedirects("/admin/roles", "/admin/groups", Map.of("name", group, "description", ""), "/admin/roles");

        String found = page("/admin/audit?action=admin.group.create&targetId=" + group);
        assertThat(found).contains("admin.group.create").contains("role " + group).contains("SUCCESS");
        assertThat(page("/admin/audit?actor=nobody-at-all")).contains("No events match.");

        HttpResponse<String> bad = admin.get("/admin/audit?from=yesterday");
        assertFieldError(bad, "from", "must be a date and time");
    }
}
