package io.vantage.api.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vantage.api.error.FieldException;

class SettingsMaskTest {

    @Test
    void secretsAreMaskedAtAnyDepth() {
        Map<String, Object> masked = SettingsMask.mask(Map.of("authUrl", "https://keystone", "password", "p",
                "applicationCredentialSecret", "s", "nested", Map.of("apiToken", "t", "host", "h"),
                "list", List.of(Map.of("clientSecret", "c"))));
        assertThat(masked).containsEntry("authUrl", "https://keystone").containsEntry("password", "****")
                .containsEntry("applicationCredentialSecret", "****");
        assertThat(masked.get("nested")).isEqualTo(Map.of("apiToken", "****", "host", "h"));
        assertThat(masked.get("list")).isEqualTo(List.of(Map.of("clientSecret", "****")));
    }

    @Test
    void theMaskSentBackKeepsTheStoredValue() {
        Map<String, Object> stored = Map.of("username", "u", "password", "old", "nested", Map.of("token", "t"));
        Map<String, Object> restored = SettingsMask.restore(null, Map.of("username", "u2", "password", "****",
                "nested", Map.of("token", "****")), stored, "settings");
        assertThat(restored).isEqualTo(Map.of("username", "u2", "password", "old", "nested", Map.of("token", "t")));
        assertThat(SettingsMask.restore(null, Map.of("password", "new"), stored, "settings"))
                .containsEntry("password", "new");
    }

    @Test
    void aMaskWithNothingToKeepIsRefused() {
        assertThatThrownBy(() -> SettingsMask.restore(null, Map.of("token", "****"), Map.of(), "settings"))
                .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.field()).isEqualTo("settings.token"));
        assertThatThrownBy(() -> SettingsMask.restore(null, Map.of("list", List.of(Map.of("clientSecret", "****"))),
                Map.of(), "settings"))
                .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.field()).isEqualTo("settings.list"));
    }
}
