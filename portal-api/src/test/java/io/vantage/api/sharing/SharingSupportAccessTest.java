package io.vantage.api.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.LifecyclePortalTest;
import io.vantage.api.testing.TestInstances;

/** IT support and the instruments' scientists ask; the owner lets them in as SUPPORT, or not. */
@LifecyclePortalTest
class SharingSupportAccessTest {

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedOidcServer oidc;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theInstrumentScientistAsksAndTheOwnerGrants() throws Exception {
        ApiClient rosalind = as("1001");
        ApiClient lise = as("2001"); // instrument scientist of D22, the instrument of EXP-1
        String uid = TestInstances.launch(rosalind, TestInstances.desktopPlan(jdbc), List.of("EXP-1"), null);
        String requests = "/api/instances/" + uid + "/access-requests";

        assertThat(lise.post("/api/instances/" + uid + "/tickets", Map.of("protocol", "VNC")).status())
                .as("seeing is not opening").isEqualTo(403);
        ApiClient.Response noReason = lise.post(requests, Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.get("errors").findValuesAsString("field")).containsExactly("reason");

        ApiClient.Response asked = lise.post(requests, Map.of("reason", "The user reported a crash of the reduction"));
        assertThat(asked.status()).as(asked.raw()).isEqualTo(201);
        assertThat(asked.get("state").asText()).isEqualTo("PENDING");
        assertThat(lise.post(requests, Map.of("reason", "again")).status()).as("one waiting request").isEqualTo(409);
        assertThat(lise.get(requests).status()).as("only the owner sees the requests").isEqualTo(403);

        ApiClient.Response pending = rosalind.get(requests);
        assertThat(pending.body().findValuesAsString("requesterId")).containsExactly("2001");
        assertThat(pending.body().get(0).get("requesterName").asText()).isEqualTo("Lise Meitner");

        long id = asked.get("id").asLong();
        ApiClient.Response granted = rosalind.post(requests + "/" + id + "/grant", null);
        assertThat(granted.status()).as(granted.raw()).isEqualTo(200);
        assertThat(granted.get("state").asText()).isEqualTo("GRANTED");
        assertThat(lise.get("/api/instances/" + uid).get("myRole").asText()).isEqualTo("SUPPORT");
        assertThat(rosalind.post(requests + "/" + id + "/grant", null).status()).as("answered once").isEqualTo(409);
        assertThat(rosalind.get(requests).body()).isEmpty();
        assertThat(jdbc.queryForList("select action from audit_events where target_id = ? and action like "
                + "'instance.access.%' order by id", String.class, uid))
                .containsExactly("instance.access.request", "instance.access.grant");
    }

    @Test
    void theOwnerMayRefuse() throws Exception {
        ApiClient rosalind = as("1001");
        ApiClient katherine = as("3001"); // IT support: may ask about any instance
        String uid = TestInstances.launch(rosalind, TestInstances.desktopPlan(jdbc), List.of("EXP-3"), null);
        String requests = "/api/instances/" + uid + "/access-requests";
        long id = katherine.post(requests, Map.of("reason", "Disk full alert")).get("id").asLong();

        assertThat(as("1002").post(requests + "/" + id + "/refuse", null).status())
                .as("a participant of EXP-3 is not a member: it does not see the instance").isEqualTo(404);
        ApiClient.Response refused = rosalind.post(requests + "/" + id + "/refuse", null);
        assertThat(refused.get("state").asText()).isEqualTo("REFUSED");
        assertThat(katherine.get("/api/instances/" + uid).get("myRole").isNull()).isTrue();
    }

    @Test
    void onlySupportStaffMayAsk() throws Exception {
        ApiClient rosalind = as("1001");
        // EXP-3 is on ID16: Lise is not its scientist, so to her the instance does not exist
        String uid = TestInstances.launch(rosalind, TestInstances.desktopPlan(jdbc), List.of("EXP-3"), null);
        String requests = "/api/instances/" + uid + "/access-requests";
        assertThat(as("2001").post(requests, Map.of("reason", "curious")).status()).isEqualTo(404);

        rosalind.post("/api/instances/" + uid + "/members", Map.of("userId", "1002", "role", "GUEST"));
        ApiClient.Response guest = as("1002").post(requests, Map.of("reason", "let me type"));
        assertThat(guest.status()).as("a member who is not support staff").isEqualTo(403);
        assertThat(guest.get("detail").asText()).contains("IT support");
        assertThat(jdbc.queryForObject("select count(*) from instance_access_requests r join instances i "
                + "on i.id = r.instance_id where i.uid = ?", Integer.class, uid)).isZero();
    }

    private ApiClient as(String userId) {
        return new ApiClient("http://localhost:" + port, oidc, userId);
    }
}
