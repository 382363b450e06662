package io.vantage.web.cloud;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import tools.jackson.databind.json.JsonMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import io.vantage.api.cloud.ProviderRequests;
import io.vantage.api.error.FieldException;

/**
 * A cloud provider added or changed at runtime: one field per setting the provider type declares. Plain values are
 * sent as typed (the portal binds them like {@code application.yml}); a value starting with {@code {} or {@code [}
 * is a map or list written as in YAML or JSON, e.g. {@code [net-1, net-2]}. Empty fields are left out.
 */
class ProviderForm {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @NotBlank private String name;
    @NotBlank private String type = "openstack";
    private Map<String, String> values = new LinkedHashMap<>();
    private boolean enabled = true;

    /** The settings as the API takes them; a structured value that cannot be read is refused naming its field. */
    Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (value == null || value.isBlank()) {
                return;
            }
            String trimmed = value.strip();
            settings.put(key, trimmed.startsWith("{") || trimmed.startsWith("[") ? structured(key, trimmed) : trimmed);
        });
        return settings;
    }

    private static Object structured(String key, String value) {
        try {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(value);
        } catch (YAMLException e) {
            throw new FieldException("values[" + key + "]", "cannot be read as a map or list: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** A stored value as the form shows it: maps and lists in JSON, which the form reads back. */
    static String text(Object value) {
        return value instanceof Map<?, ?> || value instanceof java.util.List<?> ? JSON.writeValueAsString(value)
                : String.valueOf(value);
    }

    ProviderRequests.NewProvider toRequest(Map<String, Object> settings) {
        return new ProviderRequests.NewProvider(name, type, settings, enabled);
    }

    /** The API's {@code settings.x} field is this form's {@code values[x]}. */
    static String formField(String apiField) {
        return apiField != null && apiField.startsWith("settings.") ? "values[" + apiField.substring(9) + "]"
                : apiField;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public Map<String, String> getValues() { return values; }
    public void setValues(Map<String, String> values) { this.values = values; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
