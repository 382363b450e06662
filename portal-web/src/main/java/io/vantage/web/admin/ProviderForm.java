package io.vantage.web.admin;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.api.admin.ProviderRequests;

/** A cloud provider added at runtime; its settings are typed as JSON (each provider type documents its own). */
class ProviderForm {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @NotBlank private String name;
    @NotBlank private String type = "openstack";
    private String settings = "{}";
    private boolean enabled = true;

    /** The settings as a map, or null when they are not a JSON object. */
    Map<String, Object> settingsMap() {
        if (settings == null || settings.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(settings, new TypeReference<Map<String, Object>>() { });
        } catch (JacksonException e) {
            return null;
        }
    }

    ProviderRequests.NewProvider toRequest(Map<String, Object> settingsMap) {
        return new ProviderRequests.NewProvider(name, type, settingsMap, enabled);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getSettings() { return settings; }
    public void setSettings(String settings) { this.settings = settings; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
