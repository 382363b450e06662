package io.vantage.api.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.LifecyclePortalTest;
import io.vantage.api.testing.LiveEventsClient;
import io.vantage.api.testing.TestInstances;

/** The owner shares an instance with named people; nobody else can, and strangers do not even see it. */
@LifecyclePortalTest
class SharingMembersTest {

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedOidcServer oidc;
    @Autowired
    JdbcTemplate jdbc;

    ApiClient rosalind;
    ApiClient dorothy;
    String uid;

    @BeforeEach
    void launch() throws Exception {
        rosalind = as("1001");
        dorothy = as("1002");
        uid = TestInstances.launch(rosalind, TestInstances.desktopPlan(jdbc), List.of("EXP-1"), null);
    }

    @Test
    void ownerAddsChangesAndRemovesAMemberWhoHearsEachChange() throws Exception {
        assertThat(dorothy.get("/api/instances/" + uid).status()).as("a stranger does not see it").isEqualTo(404);
        try (LiveEventsClient dorothysBrowser = new LiveEventsClient(base(), dorothy)) {
            ApiClient.Response added = rosalind.post(members(), Map.of("userId", "1002", "role", "GUEST"));
            assertThat(added.status()).as(added.raw()).isEqualTo(201);
            assertThat(added.get("role").asText()).isEqualTo("GUEST");
            assertThat(added.get("name").asText()).isEqualTo("Dorothy Hodgkin");
            assertThat(added.get("affiliation").asText()).isEqualTo("Technical University of Munich");
            assertThat(role("1002")).isEqualTo("GUEST");
            assertThat(dorothy.get("/api/instances/" + uid).get("myRole").asText()).isEqualTo("GUEST");
            assertThat(dorothy.post("/api/instances/" + uid + "/stop", null).status())
                    .as("a guest watches but does not control").isEqualTo(403);

            ApiClient.Response changed = rosalind.put(members() + "/1002", Map.of("role", "USER"));
            assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
            assertThat(role("1002")).isEqualTo("USER");

            ApiClient.Response list = dorothy.get(members());
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.body().findValuesAsString("userId")).containsExactly("1001", "1002");
            assertThat(list.raw()).as("members never see each other's e-mail").doesNotContain("@");

            assertThat(rosalind.delete(members() + "/1002").status()).isEqualTo(204);
            assertThat(role("1002")).isNull();
            assertThat(dorothy.get("/api/instances/" + uid).status()).isEqualTo(404);

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                    dorothysBrowser.of("members", uid).stream().map(LiveEventsClient.Event::data).toList())
                    .hasSize(3).anyMatch(d -> d.contains("\"added\"")).anyMatch(d -> d.contains("\"role\""))
                    .anyMatch(d -> d.contains("\"removed\"")));
        }
        assertThat(jdbc.queryForList("select action from audit_events where target_id = ? and outcome = 'SUCCESS' "
                + "and action like 'instance.member.%' order by id", String.class, uid))
                .containsExactly("instance.member.add", "instance.member.role", "instance.member.remove");
    }

    @Test
    void onlyTheOwnerShares() throws Exception {
        assertThat(rosalind.post(members(), Map.of("userId", "1002", "role", "USER")).status()).isEqualTo(201);

        ApiClient.Response byMember = dorothy.post(members(), Map.of("userId", "9001", "role", "GUEST"));
        assertThat(byMember.status()).as("a USER member may control but not share").isEqualTo(403);
        assertThat(byMember.get("detail").asText()).contains("Only the owner");
        assertThat(role("9001")).isNull();
        assertThat(jdbc.queryForObject("select count(*) from audit_events where target_id = ? and actor_id = '1002' "
                + "and action = 'instance.member.add' and outcome = 'DENIED'", Integer.class, uid)).isEqualTo(1);

        ApiClient.Response byStranger = as("9001").post(members(), Map.of("userId", "9001", "role", "USER"));
        assertThat(byStranger.status()).as("a stranger learns nothing of the instance").isEqualTo(404);

        ApiClient.Response bySupport = as("2001").post(members(), Map.of("userId", "2001", "role", "USER"));
        assertThat(bySupport.status()).as("support staff see it, yet must ask the owner").isEqualTo(403);

        assertThat(as("admin").post(members(), Map.of("userId", "3001", "role", "SUPPORT")).status())
                .as("admins manage members of any instance").isEqualTo(201);
    }

    @Test
    void aMemberMayLeaveButTheOwnerStays() throws Exception {
        rosalind.post(members(), Map.of("userId", "1002", "role", "USER"));
        assertThat(dorothy.delete(members() + "/1001").status()).as("members cannot remove others").isEqualTo(403);
        assertThat(rosalind.delete(members() + "/1001").status()).as("the owner cannot be removed").isEqualTo(409);
        assertThat(rosalind.put(members() + "/1001", Map.of("role", "GUEST")).status()).isEqualTo(409);
        assertThat(rosalind.post(members(), Map.of("userId", "1002", "role", "GUEST")).status())
                .as("adding twice is a conflict, not a silent role change").isEqualTo(409);
        assertThat(dorothy.delete(members() + "/1002").status()).isEqualTo(204);
        assertThat(role("1002")).isNull();
        assertThat(rosalind.delete(members() + "/1002").status()).isEqualTo(404);
    }

    @Test
    void badInputNamesTheField() throws Exception {
        ApiClient.Response unknown = rosalind.post(members(), Map.of("userId", "nobody-42", "role", "USER"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.get("errors").get(0).get("field").asText()).isEqualTo("userId");
        assertThat(unknown.get("detail").asText()).contains("nobody-42");

        ApiClient.Response owner = rosalind.post(members(), Map.of("userId", "1002", "role", "OWNER"));
        assertThat(owner.status()).isEqualTo(400);
        assertThat(owner.get("errors").findValuesAsString("field")).containsExactly("role");

        ApiClient.Response empty = rosalind.post(members(), Map.of());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("userId", "role");

        HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + members()))
                .header("Authorization", "Bearer " + rosalind.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"1002\",\"role\":\"ADMIN\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isEqualTo(400);
        assertThat(raw.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    private String role(String userId) {
        return jdbc.query("""
                select m.role from instance_members m join instances i on i.id = m.instance_id
                where i.uid = ? and m.user_id = ?""", rs -> rs.next() ? rs.getString(1) : null, uid, userId);
    }

    private String members() {
        return "/api/instances/" + uid + "/members";
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private ApiClient as(String userId) {
        return new ApiClient(base(), oidc, userId);
    }
}
