package io.vantage.cloud.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.vantage.cloud.openstack.FakeOpenStack.NOVA;
import static io.vantage.cloud.openstack.FakeOpenStack.json;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudTransientException;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.InstanceMetadata;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the portal sees when Nova fails: try later (transient) or a sentence a person can act on (permanent). */
class ErrorMappingTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FakeOpenStack cloud = new FakeOpenStack(wm);

    @BeforeEach
    void keystone() {
        cloud.keystoneIssues("token-1");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 429})
    void serverErrorsAndRateLimitsAreTransient(int status) {
        wm.stubFor(get(urlPathEqualTo(NOVA + "/servers/detail")).willReturn(json(status,
                "{\"computeFault\": {\"code\": " + status + ", \"message\": \"Unexpected API Error.\"}}")));

        assertThatThrownBy(() -> cloud.provider().compute().list())
                .isInstanceOf(CloudTransientException.class)
                .hasMessageStartingWith("Could not list servers")
                .hasMessageContaining("HTTP " + status);
    }

    @Test
    void overQuotaOn403IsPermanentWithNovasMessage() {
        wm.stubFor(post(urlEqualTo(NOVA + "/servers")).willReturn(json(403, """
                {"forbidden": {"code": 403,
                  "message": "Quota exceeded for cores: Requested 8, but already used 20 of 24 cores"}}""")));

        assertThatThrownBy(this::boot)
                .isInstanceOf(CloudPermanentException.class)
                .hasMessage("Could not boot server 'vm-1': the OpenStack project is over its quota (Quota exceeded"
                        + " for cores: Requested 8, but already used 20 of 24 cores).");
    }

    @Test
    void overLimitOn413IsPermanentWithNovasMessage() {
        wm.stubFor(post(urlEqualTo(NOVA + "/servers")).willReturn(json(413, """
                {"overLimit": {"code": 413, "retryAfter": "0",
                  "message": "Quota exceeded for instances: Requested 1, but already used 10 of 10 instances"}}""")));

        assertThatThrownBy(this::boot)
                .isInstanceOf(CloudPermanentException.class)
                .hasMessageContaining("over its quota")
                .hasMessageContaining("Requested 1, but already used 10 of 10 instances");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 409})
    void clientErrorsArePermanent(int status) {
        wm.stubFor(post(urlEqualTo(NOVA + "/servers")).willReturn(json(status,
                "{\"badRequest\": {\"code\": " + status + ", \"message\": \"Flavor's disk is too small.\"}}")));

        assertThatThrownBy(this::boot)
                .isInstanceOf(CloudPermanentException.class)
                .hasMessageStartingWith("Could not boot server 'vm-1'")
                .hasMessageContaining("HTTP " + status)
                .hasMessageEndingWith("Flavor's disk is too small.");
    }

    @Test
    void aReadTimeoutIsTransient() {
        wm.stubFor(get(urlPathEqualTo(NOVA + "/servers/detail"))
                .willReturn(json(200, "{\"servers\": []}").withFixedDelay(2_000)));
        TestSettings settings = cloud.settings().readTimeout(Duration.ofMillis(250));

        assertThatThrownBy(() -> cloud.provider(settings, Clock.systemUTC()).compute().list())
                .isInstanceOf(CloudTransientException.class)
                .hasMessageContaining("did not answer within the configured timeout");
    }

    @Test
    void aDroppedConnectionIsTransient() {
        wm.stubFor(get(urlPathEqualTo(NOVA + "/servers/detail")).willReturn(aResponse()
                .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> cloud.provider().compute().list()).isInstanceOf(CloudTransientException.class)
                .hasMessageStartingWith("Could not list servers");
    }

    private void boot() {
        InstanceMetadata metadata = new InstanceMetadata(FakeOpenStack.DEPLOYMENT, "uid-1", null, null, 1280, 720,
                null, null);
        cloud.provider().compute().create(new CreateInstanceRequest("vm-1", "image-1", "flavour-8", null, null,
                metadata, null));
    }
}
