package io.vantage.cloud.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.vantage.cloud.openstack.FakeOpenStack.NOVA;
import static io.vantage.cloud.openstack.FakeOpenStack.TOKENS;
import static io.vantage.cloud.openstack.FakeOpenStack.json;
import static io.vantage.cloud.openstack.FakeOpenStack.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Keystone v3 login (password, application credential) and renewal of a token that expires mid-session. */
class TokenRenewalTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String UNAUTHORIZED = "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\","
            + " \"message\": \"The request you have made requires authentication.\"}}";

    private final FakeOpenStack cloud = new FakeOpenStack(wm);

    @Test
    void passwordLoginIsScopedToTheProject() {
        cloud.keystoneIssues("token-1");
        cloud.novaGetServer("s-1", server("s-1", "ACTIVE", "active", "deploy-a", null));

        cloud.provider().compute().get("s-1");

        wm.verify(postRequestedFor(urlEqualTo(TOKENS))
                .withRequestBody(matchingJsonPath("$.auth.identity.methods[0]", equalTo("password")))
                .withRequestBody(matchingJsonPath("$.auth.identity.password.user.name", equalTo("vantage")))
                .withRequestBody(matchingJsonPath("$.auth.identity.password.user.domain.name", equalTo("Default")))
                .withRequestBody(matchingJsonPath("$.auth.identity.password.user.password", equalTo("swordfish")))
                .withRequestBody(matchingJsonPath("$.auth.scope.project.id", equalTo(FakeOpenStack.PROJECT_ID))));
        wm.verify(getRequestedFor(urlEqualTo(NOVA + "/servers/s-1")).withHeader("X-Auth-Token", equalTo("token-1")));
    }

    @Test
    void applicationCredentialLoginSendsNoScope() {
        cloud.keystoneIssues("token-1");
        cloud.novaGetServer("s-1", server("s-1", "ACTIVE", "active", "deploy-a", null));
        TestSettings settings = cloud.settings().password(null, null).project(null, null)
                .applicationCredential("423f19a4ac1e4f48bbb4180756e6eb6c", "rEaqvJka48mpv");

        cloud.provider(settings, Clock.systemUTC()).compute().get("s-1");

        wm.verify(postRequestedFor(urlEqualTo(TOKENS))
                .withRequestBody(matchingJsonPath("$.auth.identity.methods[0]", equalTo("application_credential")))
                .withRequestBody(matchingJsonPath("$.auth.identity.application_credential.id",
                        equalTo("423f19a4ac1e4f48bbb4180756e6eb6c")))
                .withRequestBody(matchingJsonPath("$.auth.identity.application_credential.secret",
                        equalTo("rEaqvJka48mpv"))));
        String body = wm.findAll(postRequestedFor(urlEqualTo(TOKENS))).get(0).getBodyAsString();
        assertThat(body).as("an application credential carries its own project").doesNotContain("scope");
    }

    @Test
    void rejectedCredentialsArePermanentAndNameTheUser() {
        wm.stubFor(post(urlEqualTo(TOKENS)).willReturn(json(401, UNAUTHORIZED)));

        assertThatThrownBy(() -> cloud.provider().compute().get("s-1"))
                .isInstanceOf(CloudPermanentException.class)
                .hasMessageContaining("user 'vantage' in domain 'Default'")
                .hasMessageNotContaining("swordfish");
    }

    @Test
    void expiredTokenIsRenewedOnceAndTheCallRetried() {
        keystoneIssuesToken1ThenToken2();
        wm.stubFor(get(urlEqualTo(NOVA + "/servers/s-1")).withHeader("X-Auth-Token", equalTo("token-1"))
                .willReturn(json(401, UNAUTHORIZED)));
        wm.stubFor(get(urlEqualTo(NOVA + "/servers/s-1")).withHeader("X-Auth-Token", equalTo("token-2"))
                .willReturn(json(200, "{\"server\": " + server("s-1", "ACTIVE", "active", "deploy-a", null) + "}")));
        CloudProvider provider = cloud.provider();

        assertThat(provider.compute().get("s-1")).isPresent();
        assertThat(provider.compute().get("s-1")).isPresent();

        wm.verify(2, postRequestedFor(urlEqualTo(TOKENS)));
        wm.verify(1, getRequestedFor(urlEqualTo(NOVA + "/servers/s-1")).withHeader("X-Auth-Token", equalTo("token-1")));
        wm.verify(2, getRequestedFor(urlEqualTo(NOVA + "/servers/s-1")).withHeader("X-Auth-Token", equalTo("token-2")));
    }

    @Test
    void threadsThatAllHitAnExpiredTokenRenewItOnce() throws Exception {
        keystoneIssuesToken1ThenToken2();
        wm.stubFor(get(urlEqualTo(NOVA + "/servers/s-1")).withHeader("X-Auth-Token", equalTo("token-1"))
                .willReturn(json(401, UNAUTHORIZED)));
        wm.stubFor(get(urlEqualTo(NOVA + "/servers/s-1")).withHeader("X-Auth-Token", equalTo("token-2"))
                .willReturn(json(200, "{\"server\": " + server("s-1", "ACTIVE", "active", "deploy-a", null) + "}")));
        CloudProvider provider = cloud.provider();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<CloudInstance>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(threads.submit(() -> {
                    start.await();
                    return provider.compute().get("s-1");
                }));
            }
            start.countDown();
            for (Future<Optional<CloudInstance>> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS)).isPresent();
            }
        } finally {
            threads.shutdownNow();
        }

        wm.verify(2, postRequestedFor(urlEqualTo(TOKENS)));
    }

    @Test
    void aSecond401IsAnErrorNotALoop() {
        keystoneIssuesToken1ThenToken2();
        wm.stubFor(get(urlEqualTo(NOVA + "/servers/s-1")).willReturn(json(401, UNAUTHORIZED)));

        assertThatThrownBy(() -> cloud.provider().compute().get("s-1"))
                .isInstanceOf(CloudPermanentException.class)
                .hasMessageContaining("Could not read server s-1")
                .hasMessageContaining("401");

        wm.verify(2, postRequestedFor(urlEqualTo(TOKENS)));
        wm.verify(2, getRequestedFor(urlEqualTo(NOVA + "/servers/s-1")));
    }

    @Test
    void aTokenAboutToExpireIsRenewedBeforeTheCall() {
        Clock clock = Clock.fixed(Instant.parse("2030-01-01T12:00:00Z"), ZoneOffset.UTC);
        wm.stubFor(post(urlEqualTo(TOKENS)).willReturn(cloud.token("short", "2030-01-01T12:01:00.000000Z")));
        cloud.novaGetServer("s-1", server("s-1", "ACTIVE", "active", "deploy-a", null));
        CloudProvider provider = cloud.provider(cloud.settings(), clock);

        provider.compute().get("s-1");
        provider.compute().get("s-1");

        wm.verify(2, postRequestedFor(urlEqualTo(TOKENS)));
    }

    private void keystoneIssuesToken1ThenToken2() {
        wm.stubFor(post(urlEqualTo(TOKENS)).inScenario("tokens").whenScenarioStateIs(STARTED)
                .willReturn(cloud.token("token-1", "2099-01-01T00:00:00.000000Z")).willSetStateTo("second"));
        wm.stubFor(post(urlEqualTo(TOKENS)).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(cloud.token("token-2", "2099-01-01T00:00:00.000000Z")));
    }
}
