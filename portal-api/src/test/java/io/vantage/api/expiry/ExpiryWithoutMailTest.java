package io.vantage.api.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import io.vantage.api.expiry.ExpirySweep;
import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.LiveEventsClient;
import io.vantage.api.testing.PortalTest;
import io.vantage.api.testing.TestInstances;

/** The default portal has no mail server: warnings still reach the browser and the sweep goes on. */
@PortalTest
class ExpiryWithoutMailTest {

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedOidcServer oidc;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ExpirySweep sweep;
    @Autowired
    ApplicationContext context;

    @Test
    void warningsAreLiveOnlyAndNothingBreaks() throws Exception {
        assertThat(context.getBeanProvider(JavaMailSender.class).getIfAvailable()).as("no spring.mail.host").isNull();
        ApiClient katherine = new ApiClient("http://localhost:" + port, oidc, "3001");
        try (LiveEventsClient browser = new LiveEventsClient("http://localhost:" + port, katherine)) {
            String uid = TestInstances.launch(katherine, Desktops.plan(jdbc, "desktop", "small"), List.of(), 1);
            try {
                ExpirySweep.Outcome outcome = sweep.sweep();
                assertThat(outcome.failed()).isZero();
                // the scheduled job may have got there first: either way, one live warning
                await().atMost(Duration.ofSeconds(10)).until(() -> !browser.of("warning", uid).isEmpty());
                assertThat(jdbc.queryForObject("""
                        select e.warning_sent_at is not null from instance_expirations e
                        join instances i on i.id = e.instance_id where i.uid = ?""", Boolean.class, uid)).isTrue();
                assertThat(jdbc.queryForList("select details from audit_events where target_id = ? and action = "
                        + "'instance.expiry.warning'", String.class, uid)).singleElement().asString()
                        .contains("e-mailed 0 of 1");
            } finally {
                // the reconciler may save the instance at the same moment: a 409 "Changed meanwhile" is retried
                int deleted = await().atMost(Duration.ofSeconds(30))
                        .until(() -> katherine.delete("/api/instances/" + uid).status(), status -> status != 409);
                assertThat(deleted).isEqualTo(202);
            }
        }
    }
}
