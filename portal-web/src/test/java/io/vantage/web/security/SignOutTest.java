package io.vantage.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.vantage.api.events.EventBus;
import io.vantage.api.events.LiveEvent;
import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.HttpSession;
import io.vantage.api.testing.LiveEventsClient;

/**
 * A live-events stream that the browser closes (sign-out, leaving the page) or a script drops ends quietly: the
 * portal notices at its next write, and handles that in an async dispatch of the stream's request, which must
 * not be refused as a new unauthenticated request (it used to log a stack trace per stream, ~200 lines per
 * sign-out).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vantage.database.embedded.ephemeral=true")
class SignOutTest {

    @LocalServerPort
    int port;

    @Autowired
    EventBus bus;

    @Autowired
    EmbeddedOidcServer oidc;

    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    final Logger dispatcher = (Logger) LoggerFactory.getLogger("org.springframework.web.servlet.DispatcherServlet");
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    Level dispatcherLevel;

    @BeforeEach
    void captureLog() {
        dispatcherLevel = dispatcher.getLevel();
        log.start();
        root.addAppender(log);
        dispatcher.setLevel(Level.DEBUG);
    }

    @AfterEach
    void restoreLog() {
        dispatcher.setLevel(dispatcherLevel);
        root.detachAppender(log);
    }

    @Test
    void signingOutWithAnOpenEventStreamLogsNoError() throws Exception {
        HttpSession browser = new HttpSession("http://localhost:" + port);
        HttpResponse<String> page = browser.loginThroughEmbeddedProvider("1002",
                "{\"given_name\":\"Dorothy\",\"family_name\":\"Hodgkin\"}");
        LiveEventsClient stream = new LiveEventsClient(browser);

        HttpResponse<String> logout = browser.postForm("/logout", Map.of("_csrf", HttpSession.csrf(page.body())));
        assertThat(logout.statusCode()).isEqualTo(302);
        stream.close();

        assertQuietEnd("1002");
    }

    @Test
    void aScriptDroppingItsEventStreamLogsNoError() throws Exception {
        LiveEventsClient stream = new LiveEventsClient("http://localhost:" + port, new ApiClient(
                "http://localhost:" + port, oidc, "1001"));
        stream.close();

        assertQuietEnd("1001");
    }

    /** Writes to the person's streams until the portal has handled the closed one, then checks the log. */
    private void assertQuietEnd(String userId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            bus.publish(new LiveEvent("state", "closed-stream", Set.of(userId), Map.of("marker", "after close")));
            return log.list.stream().anyMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR)
                    || event.getFormattedMessage().startsWith("Exiting from \"ASYNC\" dispatch"));
        });
        List<String> errors = log.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage()).toList();
        assertThat(errors).isEmpty();
    }
}
