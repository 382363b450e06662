package io.vantage.api.cloud;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.vantage.api.error.FieldException;
import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.cloud.api.SettingDescriptor;

/**
 * Provider settings go back to browsers without their secrets: values of settings the provider type declares secret,
 * and of nested keys naming a password, secret, token or credential, become {@value #MASK}. A client may send the
 * mask back unchanged to keep the stored value.
 */
final class SettingsMask {

    static final String MASK = "****";
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|credential).*");

    private SettingsMask() {
    }

    static boolean isSecret(String key) {
        return SECRET.matcher(key).matches();
    }

    /** Whether a top-level setting of this type is secret: as declared, or by its name when undeclared. */
    static boolean isSecret(CloudProviderFactory<?> factory, String key) {
        return factory == null ? isSecret(key)
                : ProviderSettings.declared(factory, key).map(SettingDescriptor::secret).orElseGet(() -> isSecret(key));
    }

    static Map<String, Object> mask(CloudProviderFactory<?> factory, Map<String, Object> settings) {
        Map<String, Object> masked = new LinkedHashMap<>();
        settings.forEach((key, value) -> masked.put(key, isSecret(factory, key) && value != null ? MASK
                : maskValue(value)));
        return masked;
    }

    static Map<String, Object> mask(Map<String, Object> settings) {
        return mask(null, settings);
    }

    /** The incoming settings with every mask replaced by the stored value it stands for. */
    static Map<String, Object> restore(CloudProviderFactory<?> factory, Map<String, Object> incoming,
                                       Map<String, Object> stored, String path) {
        Map<String, Object> restored = new LinkedHashMap<>();
        incoming.forEach((key, value) -> {
            String at = path + "." + key;
            Object old = stored == null ? null : stored.get(key);
            if (MASK.equals(value) && isSecret(factory, key)) {
                if (old == null) {
                    throw new FieldException(at, "has no stored value to keep; send the value itself");
                }
                restored.put(key, old);
            } else if (value instanceof Map<?, ?> map) {
                restored.put(key, restore(null, cast(map), old instanceof Map<?, ?> oldMap ? cast(oldMap) : null, at));
            } else if (containsMask(value)) {
                throw new FieldException(at, "contains the mask '" + MASK + "'; send the values themselves");
            } else {
                restored.put(key, value);
            }
        });
        return restored;
    }

    private static Object maskValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return mask(cast(map));
        }
        if (value instanceof List<?> list) {
            List<Object> masked = new ArrayList<>(list.size());
            list.forEach(item -> masked.add(maskValue(item)));
            return masked;
        }
        return value;
    }

    private static boolean containsMask(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().anyMatch(item -> MASK.equals(item) || containsMask(item));
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(item -> MASK.equals(item) || containsMask(item));
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
