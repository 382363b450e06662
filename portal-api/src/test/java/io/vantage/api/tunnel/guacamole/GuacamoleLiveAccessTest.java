package io.vantage.api.tunnel.guacamole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.vantage.api.tunnel.vnc.VncAccessSteps;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.LiveEventsClient;

/** Access changing while people are connected through the Guacamole tunnel: decided again at once, both ways. */
class GuacamoleLiveAccessTest extends GuacamoleTestSupport {

    @Test
    void aConnectedMembersInputFollowsTheirAccessAsTheOwnerChangesIt() throws Exception {
        String member = person("guac-member");
        try (LiveEventsClient events = new LiveEventsClient("http://localhost:" + port, api(member))) {
            new GuacamoleAccessSteps(api("1001"), api(member), member, port, PEER, events, uid()).run();
        }
    }

    @Test
    void anAdminConnectedAsSupportIsCutOffWhenTheirAdminRoleIsRevoked() throws Exception {
        String admin = person("support-admin");
        jdbc.update("insert into user_roles (user_id, role_id, source) select ?, id, 'PORTAL' from roles "
                + "where name = 'ADMIN' on conflict do nothing", admin);
        Connection support = connect(admin, "");
        assertThat(jdbc.queryForObject("select role from instance_session_members where client_id = ?", String.class,
                support.uuid())).isEqualTo("SUPPORT");
        support.browser().send("key", "65", "1");
        support.flush("before");

        ApiClient.Response revoked = api("admin").delete("/api/admin/users/" + admin + "/roles/ADMIN");
        assertThat(revoked.status()).as(revoked.raw()).isEqualTo(200);

        assertThat(support.browser().closed().get(VncAccessSteps.CLOSE_WITHIN_SECONDS, TimeUnit.SECONDS))
                .isEqualTo(new GuacamoleWebSocketClient.Closed(1002, "523"));
        assertThat(support.browser().received("error")).as("the reason the admin API published")
                .containsExactly("An admin took the role ADMIN from you.,523");
        await().atMost(WAIT).until(support.guacd()::sawEndOfStream);
        assertThat(support.guacd().received("key")).containsExactly("65,1");
    }

    private String person(String id) {
        jdbc.update("insert into users (id, first_name, last_name, email) values (?, 'Test', ?, ?) "
                + "on conflict do nothing", id, id, id + "@example.org");
        return id;
    }
}
