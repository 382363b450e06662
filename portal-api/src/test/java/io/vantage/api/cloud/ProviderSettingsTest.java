package io.vantage.api.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.cloud.api.ProviderContext;
import io.vantage.cloud.api.SettingDescriptor;

/** One way to read settings, from JSON and from configuration alike, checked against the type's declaration. */
class ProviderSettingsTest {

    record Image(String name, List<Integer> ports) {
    }

    record Settings(String authUrl, String password, Duration readTimeout, List<String> networkIds,
                    Map<String, Image> images) {
    }

    static final class Factory implements CloudProviderFactory<Settings> {
        @Override
        public String type() {
            return "test";
        }

        @Override
        public Class<Settings> settingsType() {
            return Settings.class;
        }

        @Override
        public List<SettingDescriptor> settings() {
            return List.of(SettingDescriptor.required("auth-url", "Where to log in", null),
                    SettingDescriptor.secret("password", "The password", false),
                    SettingDescriptor.optional("read-timeout", "Per call", "30s"),
                    SettingDescriptor.optional("network-ids", "Networks", null),
                    SettingDescriptor.optional("images", "Images by id", null));
        }

        @Override
        public CloudProvider create(String name, Settings settings, ProviderContext context) {
            throw new UnsupportedOperationException();
        }
    }

    final Factory factory = new Factory();

    @Test
    void jsonIsReadLikeTheConfigurationFile() {
        Settings settings = ProviderSettings.fromMap(factory, Map.of("auth-url", "https://k", "readTimeout", "5s",
                "network-ids", List.of("n1", "n2"), "images", Map.of("jupyter.lab", Map.of("name", "Lab",
                        "ports", List.of(8888)))));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.networkIds()).containsExactly("n1", "n2");
        assertThat(settings.images()).containsKey("jupyter.lab");
        assertThat(settings.images().get("jupyter.lab").ports()).containsExactly(8888);
        assertThat(ProviderSettings.canonical(factory, Map.of("authUrl", "x", "READ_TIMEOUT", "1s", "other", 1)))
                .containsOnlyKeys("auth-url", "read-timeout", "other");
    }

    @Test
    void unknownAndMissingKeysAreNamedAndSecretValuesNeverShown() {
        assertThatThrownBy(() -> ProviderSettings.fromMap(factory, Map.of("auth-url", "x", "network-id", "n1",
                "images", Map.of("a", Map.of("nmae", "typo")))))
                .isInstanceOfSatisfying(ProviderSettings.SettingsException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).key()).isEqualTo("images.a.nmae");
                    assertThat(e.getMessage()).contains("unknown settings 'images.a.nmae', 'network-id'")
                            .contains("it reads auth-url, password, read-timeout, network-ids, images");
                });
        assertThatThrownBy(() -> ProviderSettings.fromMap(factory, Map.of("password", "hunter2")))
                .isInstanceOfSatisfying(ProviderSettings.SettingsException.class, e ->
                        assertThat(e.problems()).extracting(ProviderSettings.Problem::key).containsExactly("auth-url"))
                .hasMessageContaining("missing required setting 'auth-url' (Where to log in)");
        assertThatThrownBy(() -> ProviderSettings.fromMap(factory, Map.of("auth-url", "x", "read-timeout", "soon")))
                .hasMessageContaining("setting 'read-timeout' has an invalid value 'soon'");
        assertThat(ProviderSettings.named(factory, "Provider 'p': setting read-timeout must be positive"))
                .isEqualTo("read-timeout");
        assertThat(ProviderSettings.named(factory, "Provider 'p': setting auth-url.path must end in /v3"))
                .as("a part of a setting names the setting").isEqualTo("auth-url");
        assertThat(ProviderSettings.named(factory, "Provider 'p': setting colour.red is wrong")).isEmpty();
    }

    @Test
    void configurationIsCheckedTheSameWay() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "keystone.host", "keystone.example.org",
                "vantage.cloud.providers.site.settings.auth-url", "https://${keystone.host}/v3",
                "vantage.cloud.providers.site.settings.network-ids[0]", "n1",
                "vantage.cloud.providers.site.settings.readTimeout", "2s")));
        Settings settings = ProviderSettings.bind(factory, environment, "vantage.cloud.providers.site.settings");
        assertThat(settings.authUrl()).as("placeholders resolved as in the rest of the configuration")
                .isEqualTo("https://keystone.example.org/v3");
        assertThat(settings.networkIds()).containsExactly("n1");
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(2));

        environment.getPropertySources().addFirst(new MapPropertySource("typo", Map.of(
                "vantage.cloud.providers.site.settings.identity-endpoint", "https://k")));
        assertThatThrownBy(() -> ProviderSettings.bind(factory, environment, "vantage.cloud.providers.site.settings"))
                .hasMessageContaining("unknown setting 'identity-endpoint'");
    }
}
