package io.vantage.cloud.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.vantage.cloud.openstack.FakeOpenStack.NOVA;
import static io.vantage.cloud.openstack.FakeOpenStack.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vantage.cloud.api.ProviderHealth;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class HealthTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FakeOpenStack cloud = new FakeOpenStack(wm);

    @Test
    void upWhenKeystoneAndNovaAnswer() {
        cloud.keystoneIssues("token-1");
        wm.stubFor(get(urlEqualTo(NOVA + "/limits")).willReturn(json(200,
                "{\"limits\": {\"rate\": [], \"absolute\": {\"maxTotalCores\": 24, \"totalCoresUsed\": 0}}}")));

        ProviderHealth health = cloud.provider().checkHealth();

        assertThat(health.up()).isTrue();
        assertThat(health.latency()).isPositive();
    }

    @Test
    void downWithNovasAnswerWhenNovaFails() {
        cloud.keystoneIssues("token-1");
        wm.stubFor(get(urlEqualTo(NOVA + "/limits")).willReturn(json(503, "{}")));

        ProviderHealth health = cloud.provider().checkHealth();

        assertThat(health.up()).isFalse();
        assertThat(health.message()).contains("HTTP 503");
    }

    @Test
    void downWhenTheComputeEndpointIsNotNova() {
        cloud.keystoneIssues("token-1");
        wm.stubFor(get(urlEqualTo(NOVA + "/limits")).willReturn(json(404, "{}")));

        ProviderHealth health = cloud.provider().checkHealth();

        assertThat(health.up()).isFalse();
        assertThat(health.message()).contains("does not answer like Nova");
    }

    @Test
    void downWhenTheRegionHasNoComputeEndpoint() {
        cloud.keystoneIssues("token-1");

        ProviderHealth health = cloud.provider(cloud.settings().region("RegionThree"), Clock.systemUTC())
                .checkHealth();

        assertThat(health.up()).isFalse();
        assertThat(health.message()).contains("no public 'compute' endpoint in region 'RegionThree'");
    }
}
