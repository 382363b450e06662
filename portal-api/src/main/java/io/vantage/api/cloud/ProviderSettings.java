package io.vantage.api.cloud;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PlaceholdersResolver;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.BindHandler;

import org.springframework.core.env.ConfigurableEnvironment;

import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.cloud.api.SettingDescriptor;

/**
 * Binds a provider's settings, from the configuration file or from an admin's JSON, in one way: Spring's binder
 * with the syntax of {@code application.yml} (kebab-case keys, {@code 30s} durations), checked against what the
 * provider type declares. An unknown key or a missing required one is a {@link SettingsException} naming it.
 */
public final class ProviderSettings {

    private ProviderSettings() {
    }

    /** One thing wrong with the settings; {@code key} is relative to the settings, e.g. {@code auth-url}. */
    public record Problem(String key, String message) {
    }

    /** The settings cannot be used; every problem found is listed, each naming its key. */
    public static final class SettingsException extends IllegalArgumentException {

        private final transient List<Problem> problems;

        SettingsException(List<Problem> problems) {
            super(String.join("; ", problems.stream().map(Problem::message).toList()));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    /** Binds settings given as a (JSON) map, after renaming top-level keys to their declared form. */
    static <S> S fromMap(CloudProviderFactory<S> factory, Map<String, Object> settings) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("settings", canonical(factory, settings), flat);
        return bind(factory, List.of(new MapConfigurationPropertySource(flat)), null, "settings");
    }

    /** Binds the settings under {@code prefix} (e.g. {@code vantage.cloud.providers.site.settings}) of the configuration. */
    static <S> S bind(CloudProviderFactory<S> factory, ConfigurableEnvironment environment, String prefix) {
        return bind(factory, ConfigurationPropertySources.get(environment),
                new PropertySourcesPlaceholdersResolver(environment), prefix);
    }

    static <S> S bind(CloudProviderFactory<S> factory, Iterable<ConfigurationPropertySource> sources,
                      PlaceholdersResolver placeholders, String prefix) {
        List<Problem> problems = new ArrayList<>();
        for (SettingDescriptor setting : factory.settings()) {
            if (setting.required() && !present(sources, prefix + "." + setting.name())) {
                problems.add(new Problem(setting.name(), "missing required setting '" + setting.name() + "' ("
                        + setting.description() + ")"));
            }
        }
        try {
            S bound = new Binder(sources, placeholders).bindOrCreate(prefix, Bindable.of(factory.settingsType()),
                    new NoUnboundElementsBindHandler(BindHandler.DEFAULT));
            if (problems.isEmpty()) {
                return bound;
            }
        } catch (BindException e) {
            problems.add(0, problem(factory, prefix, e));
        }
        throw new SettingsException(problems);
    }

    /**
     * The settings with their top-level keys in the declared (kebab-case) form; {@code authUrl} or {@code auth_url}
     * become {@code auth-url}. Unknown keys are kept so that binding names them.
     */
    public static Map<String, Object> canonical(CloudProviderFactory<?> factory, Map<String, Object> settings) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        settings.forEach((key, value) -> canonical.put(declared(factory, key).map(SettingDescriptor::name)
                .orElse(key), value));
        return canonical;
    }

    /** The declaration of a top-level key, in whatever spelling relaxed binding accepts. */
    public static Optional<SettingDescriptor> declared(CloudProviderFactory<?> factory, String key) {
        String wanted = uniform(key);
        return factory.settings().stream().filter(setting -> uniform(setting.name()).equals(wanted)).findFirst();
    }

    /**
     * The declared setting a provider's own refusal is about ("setting max-instances must not be negative"), or ""
     * when it names none, so forms can put the message next to the right field.
     */
    static String named(CloudProviderFactory<?> factory, String message) {
        java.util.regex.Matcher named = java.util.regex.Pattern.compile("setting ([A-Za-z0-9_.-]+)")
                .matcher(message == null ? "" : message);
        while (named.find()) {
            // "setting images.xfce.template ...": the declared setting is the first part of the path
            String key = named.group(1).replaceAll("[.]$", "");
            for (String candidate : List.of(key, key.split("[.]")[0])) {
                Optional<SettingDescriptor> setting = declared(factory, candidate);
                if (setting.isPresent()) {
                    return setting.get().name();
                }
            }
        }
        return "";
    }

    private static String uniform(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static boolean present(Iterable<ConfigurationPropertySource> sources, String name) {
        ConfigurationPropertyName property = ConfigurationPropertyName.of(name);
        for (ConfigurationPropertySource source : sources) {
            if (source.getConfigurationProperty(property) != null
                    || source.containsDescendantOf(property) == ConfigurationPropertyState.PRESENT) {
                return true;
            }
        }
        return false;
    }

    private static Problem problem(CloudProviderFactory<?> factory, String prefix, BindException e) {
        if (e.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
            List<String> keys = unbound.getUnboundProperties().stream()
                    .map(p -> relative(prefix, p.getName().toString())).sorted().toList();
            return new Problem(keys.get(0), "unknown setting" + (keys.size() > 1 ? "s " : " ")
                    + String.join(", ", keys.stream().map(k -> "'" + k + "'").toList()) + " for provider type '"
                    + factory.type() + "' (it reads " + String.join(", ", factory.settings().stream()
                    .map(SettingDescriptor::name).toList()) + ")");
        }
        ConfigurationProperty property = e.getProperty();
        if (property == null) {
            return new Problem("", "settings cannot be read: " + rootMessage(e));
        }
        String key = relative(prefix, property.getName().toString());
        boolean secret = declared(factory, key.split("[.\\[]")[0]).map(SettingDescriptor::secret).orElse(true);
        return new Problem(key, "setting '" + key + "' has an invalid value" + (secret ? "" : " '"
                + property.getValue() + "'") + ": " + rootMessage(e));
    }

    private static String relative(String prefix, String name) {
        return name.startsWith(prefix + ".") ? name.substring(prefix.length() + 1) : name;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    /** JSON objects and arrays become {@code a.b} and {@code a[0]} names, as in a properties file. */
    @SuppressWarnings("unchecked")
    private static void flatten(String name, Object value, Map<String, Object> flat) {
        if (value instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((key, item) -> flatten(name + child(key), item, flat));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(name + "[" + i + "]", list.get(i), flat);
            }
        } else if (value != null) {
            flat.put(name, value.toString());
        }
    }

    // Map keys such as image ids may hold dots; brackets keep them one key, as in application.yml.
    private static String child(String key) {
        return key.matches("[A-Za-z0-9_-]+") ? "." + key : "[" + key + "]";
    }
}
