package io.vantage.cloud.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vantage.cloud.api.Capability;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.cloud.api.HandOverAgent;
import io.vantage.cloud.api.ProviderContext;
import io.vantage.cloud.api.ProviderHealth;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OpenStackProviderFactoryTest {

    private static final ProviderContext CONTEXT = new ProviderContext("deploy-a", Clock.systemUTC(),
            Duration.ofSeconds(5));

    @Test
    void isFoundByTheServiceLoaderAsTypeOpenstack() {
        assertThat(ServiceLoader.load(CloudProviderFactory.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(factory -> {
                    assertThat(factory.type()).isEqualTo("openstack");
                    assertThat(factory.settingsType()).isEqualTo(OpenStackSettings.class);
                });
    }

    static Stream<Arguments> badSettings() {
        return Stream.of(
                Arguments.of((UnaryOperator<TestSettings>) s -> s.authUrl(null), "setting auth-url is missing"),
                Arguments.of((UnaryOperator<TestSettings>) s -> s.authUrl("keystone:5000"), "setting auth-url"),
                Arguments.of((UnaryOperator<TestSettings>) s -> s.password("vantage", null),
                        "setting password is missing"),
                Arguments.of((UnaryOperator<TestSettings>) s -> s.password(null, null),
                        "username/password or application-credential-id/application-credential-secret are missing"),
                Arguments.of((UnaryOperator<TestSettings>) s -> s.project(null, " "),
                        "setting project-id or project-name is missing"),
                Arguments.of((UnaryOperator<TestSettings>) s -> s.applicationCredential("id", "secret"),
                        "username/password must be left empty"),
                Arguments.of((UnaryOperator<TestSettings>) s -> s.password(null, null)
                        .applicationCredential("id", null), "setting application-credential-secret is missing"),
                Arguments.of((UnaryOperator<TestSettings>) s -> s.readTimeout(Duration.ZERO),
                        "setting read-timeout must be positive"),
                Arguments.of((UnaryOperator<TestSettings>) s -> s.poolAgentPort(70000),
                        "setting pool-agent-port must be a port (1-65535), was 70000"));
    }

    @ParameterizedTest
    @MethodSource("badSettings")
    void invalidSettingsAreAPermanentErrorNamingTheSetting(UnaryOperator<TestSettings> change, String message) {
        TestSettings settings = change.apply(new TestSettings().authUrl("https://keystone.example.org:5000/v3"));

        assertThatThrownBy(() -> new OpenStackProviderFactory().create("cloud-1", settings.build(), CONTEXT))
                .isInstanceOf(CloudPermanentException.class)
                .hasMessageStartingWith("OpenStack provider 'cloud-1': ")
                .hasMessageContaining(message);
    }

    /** Its images run the hand-over agent of the image contract, so its plans may have pre-warmed pools. */
    @Test
    void handsPoolMachinesOverThroughTheirAgent() {
        CloudProvider provider = new OpenStackProviderFactory().create("cloud-1",
                new TestSettings().authUrl("https://keystone.example.org:5000/v3").build(), CONTEXT);

        assertThat(provider.capabilities()).contains(Capability.POOL, Capability.STOP_START, Capability.REBOOT);
        assertThat(provider.handOver()).get().isInstanceOf(HandOverAgent.class);
        assertThat(new TestSettings().build().poolAgentPort()).isEqualTo(HandOverAgent.DEFAULT_PORT);
    }

    @Test
    void missingSettingsAreRejected() {
        assertThatThrownBy(() -> new OpenStackProviderFactory().create("cloud-1", null, CONTEXT))
                .isInstanceOf(CloudPermanentException.class).hasMessageContaining("settings are missing");
    }

    @Test
    void toStringNeverShowsSecrets() {
        OpenStackSettings password = new TestSettings().password("vantage", "swordfish").build();
        OpenStackSettings credential = new TestSettings().password(null, null)
                .applicationCredential("cred-id", "cred-secret").build();

        assertThat(password.toString()).contains("username=vantage").doesNotContain("swordfish");
        assertThat(credential.toString()).contains("cred-id").doesNotContain("cred-secret");
    }

    @Test
    void healthIsDownWithAReasonWhenKeystoneIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OpenStackSettings settings = new TestSettings().authUrl("http://127.0.0.1:" + closedPort + "/v3").build();

        ProviderHealth health = new OpenStackProviderFactory().create("cloud-1", settings, CONTEXT).checkHealth();

        assertThat(health.up()).isFalse();
        assertThat(health.message()).contains("authenticate with Keystone at http://127.0.0.1:" + closedPort)
                .contains("cannot reach OpenStack");
    }

    @Test
    void authUrlGetsV3Once() {
        assertThat(Keystone.v3Url("https://k.example.org:5000")).isEqualTo("https://k.example.org:5000/v3");
        assertThat(Keystone.v3Url("https://k.example.org/identity/v3/")).isEqualTo("https://k.example.org/identity/v3");
    }
}
