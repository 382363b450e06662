package io.vantage.web.deploy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import io.vantage.api.cloud.CloudProperties;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.cloud.api.ProviderContext;

/**
 * Binds a configuration (environment variables, configuration files) the way the portal does, onto every
 * {@code @ConfigurationProperties} record of the code base and every configured cloud's settings record, and lists
 * each key nothing reads: a typo, a key the code does not have, a name that environment variables mangle, a
 * {@code ${NAME}} no variable fills, a provider whose settings its factory rejects. Keys outside {@code vantage.*}
 * (spring, server, management, logging) are checked against Spring Boot's configuration metadata.
 */
final class ConfigurationCheck {

    /** Read with {@code @Value} or {@code @ConditionalOnProperty} rather than by a record. */
    private static final Set<String> READ_WITHOUT_RECORD = Set.of("vantage.demo.seed");
    /**
     * Keys of work in progress elsewhere: tolerated only while no record owns their prefix; once one does, they are
     * checked like every other key.
     */
    private static final Map<String, String> PENDING = Map.of("vantage.notebooks.origin-pattern", "vantage.notebooks");
    private static final Set<String> PLAIN_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(:[^}]*)?}");
    private static final Map<String, Class<?>> RECORDS = configurationRecords();

    private final ConfigurableEnvironment environment;
    private final Map<String, Class<?>> records;
    private final List<String> problems = new ArrayList<>();
    private final Map<Class<?>, Object> bound = new LinkedHashMap<>();
    private final Map<String, Object> providerSettings = new TreeMap<>();
    private final Set<ConfigurationPropertyName> boundNames = Collections.newSetFromMap(new LinkedHashMap<>());
    private final Map<ConfigurationPropertySource, Boolean> environmentSources = new IdentityHashMap<>();

    private ConfigurationCheck(ConfigurableEnvironment environment, Predicate<Class<?>> application) {
        this.environment = environment;
        this.records = new TreeMap<>();
        RECORDS.forEach((prefix, type) -> {
            if (application.test(type)) {
                records.put(prefix, type);
            }
        });
    }

    /** The portal: every record of the code base. */
    static ConfigurationCheck of(ConfigurableEnvironment environment) {
        return check(new ConfigurationCheck(environment, type -> true));
    }

    /**
     * The ETL command: its own records and the domain's. It reads the portal's file too, whose other keys (and
     * their secrets, which the ETL is not given) it never binds.
     */
    static ConfigurationCheck ofEtl(ConfigurableEnvironment environment) {
        return check(new ConfigurationCheck(environment, type -> type.getPackageName().startsWith("io.vantage.etl")
                || type.getPackageName().startsWith("io.vantage.domain")));
    }

    private static ConfigurationCheck check(ConfigurationCheck check) {
        check.bindRecords();
        check.bindProviders();
        check.checkVariables();
        check.checkPlaceholders();
        check.checkSpringKeys();
        return check;
    }

    List<String> problems() {
        return problems;
    }

    <T> T get(Class<T> type) {
        return type.cast(bound.get(type));
    }

    /** Each configured cloud's settings record, by provider name. */
    Map<String, Object> providerSettings() {
        return providerSettings;
    }

    private void bindRecords() {
        records.forEach((prefix, type) -> {
            ConfigurationPropertyName root = ConfigurationPropertyName.of(prefix);
            Binder binder = binder(name -> ownedBy(root, name));
            try {
                bound.put(type, binder.bindOrCreate(root, Bindable.of(type), unknownKeysFail()));
            } catch (RuntimeException e) {
                problems.add(prefix + " (" + type.getSimpleName() + "): " + messages(e));
            }
        });
    }

    private void bindProviders() {
        CloudProperties cloud = get(CloudProperties.class);
        if (cloud == null) {
            return;
        }
        cloud.providers().forEach((name, provider) -> {
            CloudProviderFactory<?> factory = ServiceLoader.load(CloudProviderFactory.class).stream()
                    .map(ServiceLoader.Provider::get).filter(f -> f.type().equalsIgnoreCase(provider.type()))
                    .findFirst().orElse(null);
            if (factory == null) {
                problems.add("vantage.cloud.providers." + name + ".type: no provider of type " + provider.type());
                return;
            }
            bindProvider(name, provider.enabled(), factory);
        });
    }

    private <S> void bindProvider(String name, boolean enabled, CloudProviderFactory<S> factory) {
        String prefix = "vantage.cloud.providers." + name + ".settings";
        S settings;
        try {
            settings = binder(n -> true).bindOrCreate(prefix, Bindable.of(factory.settingsType()), unknownKeysFail());
        } catch (RuntimeException e) {
            problems.add(prefix + " (" + factory.type() + "): " + messages(e));
            // bound again without the unknown-key check, to report what the provider itself says of the rest
            settings = binder(n -> true).bindOrCreate(prefix, Bindable.of(factory.settingsType()));
        }
        providerSettings.put(name, settings);
        // As the portal does: only enabled providers are created (which validates, and never calls the cloud).
        if (enabled) {
            try (CloudProvider created = factory.create(name, settings, new ProviderContext("check", null, null))) {
                created.name();
            } catch (Exception e) {
                problems.add(prefix + " (" + factory.type() + "): " + messages(e));
            }
        }
    }

    /** Every VANTAGE_* variable must reach a bound key; other variables must fill a placeholder. */
    private void checkVariables() {
        Set<String> used = new java.util.HashSet<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> e && !(source instanceof SystemEnvironmentPropertySource)) {
                for (String key : e.getPropertyNames()) {
                    placeholders(String.valueOf(e.getProperty(key))).forEach(used::add);
                }
            }
        }
        for (String variable : variables().keySet()) {
            if (variable.startsWith("VANTAGE_")) {
                if (boundNames.stream().noneMatch(name -> variableForms(name).contains(variable))
                        && PENDING.keySet().stream().noneMatch(key -> tolerated(key)
                                && variableForms(ConfigurationPropertyName.of(key)).contains(variable))) {
                    problems.add("environment variable " + variable + ": no setting of that name");
                }
            } else if (!SpringMetadata.isSpringVariable(variable) && !PLAIN_VARIABLES.contains(variable)
                    && !used.contains(variable)) {
                problems.add("environment variable " + variable + ": not a setting, and no ${" + variable + "} uses it");
            } else if (SpringMetadata.isSpringVariable(variable) && !SpringMetadata.knowsVariable(variable)) {
                problems.add("environment variable " + variable + ": Spring Boot has no such setting");
            }
        }
    }

    /** A ${NAME} without a value stays literally in the setting: a secret would be the placeholder's text. */
    private void checkPlaceholders() {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> e && !(source instanceof SystemEnvironmentPropertySource)) {
                for (String key : e.getPropertyNames()) {
                    Matcher m = PLACEHOLDER.matcher(String.valueOf(e.getProperty(key)));
                    boolean read = !key.startsWith("vantage.") || records.keySet().stream()
                            .anyMatch(p -> ConfigurationPropertyName.of(p).isAncestorOf(ConfigurationPropertyName.adapt(key, '.')));
                    while (read && m.find()) {
                        if (m.group(2) == null && environment.getProperty(m.group(1)) == null) {
                            problems.add(key + ": ${" + m.group(1) + "} has no value (no such environment variable)");
                        }
                    }
                }
            }
        }
    }

    private void checkSpringKeys() {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> e && !(source instanceof SystemEnvironmentPropertySource)) {
                for (String key : e.getPropertyNames()) {
                    if (!key.startsWith("vantage.") && !SpringMetadata.knows(key)) {
                        problems.add(key + " (" + source.getName() + "): Spring Boot has no such setting");
                    }
                }
            }
        }
    }

    /** A name belongs to the record at root unless a record with a longer prefix, or a provider, reads it. */
    private static boolean ownedBy(ConfigurationPropertyName root, ConfigurationPropertyName name) {
        if (!root.isAncestorOf(name)) {
            return false;
        }
        for (String prefix : RECORDS.keySet()) {
            ConfigurationPropertyName other = ConfigurationPropertyName.of(prefix);
            if (root.isAncestorOf(other) && (other.equals(name) || other.isAncestorOf(name))) {
                return false;
            }
        }
        String text = name.toString();
        return !text.matches("vantage\\.cloud\\.providers\\.[^.]+\\.settings([.\\[].*)?")
                && !READ_WITHOUT_RECORD.contains(text) && !tolerated(text);
    }

    /** A pending key, while no record (other than the catch-all "vantage") claims it or its prefix. */
    private static boolean tolerated(String key) {
        String prefix = PENDING.get(key);
        return prefix != null && RECORDS.keySet().stream().filter(p -> !p.equals("vantage"))
                .noneMatch(p -> key.equals(p) || key.startsWith(p + ".") || p.startsWith(prefix));
    }

    private Binder binder(Predicate<ConfigurationPropertyName> owned) {
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            for (ConfigurationPropertySource s : ConfigurationPropertySources.from(source)) {
                if (source instanceof SystemEnvironmentPropertySource) {
                    sources.add(s);
                    environmentSources.put(s, true);
                } else {
                    sources.add(s instanceof IterableConfigurationPropertySource i ? i.filter(owned) : s.filter(owned));
                }
            }
        }
        return new Binder(sources, new PropertySourcesPlaceholdersResolver(environment),
                ApplicationConversionService.getSharedInstance());
    }

    /**
     * Fails on keys no field reads, in the files only: variable names are ambiguous (underscores), so they are
     * matched against the bound names instead (checkVariables).
     */
    private BindHandler unknownKeysFail() {
        BindHandler recorder = new AbstractBindHandler() {
            @Override
            public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
                                    Object result) {
                if (context.getConfigurationProperty() != null) {
                    boundNames.add(name);
                }
                return super.onSuccess(name, target, context, result);
            }
        };
        return new NoUnboundElementsBindHandler(recorder, source -> !environmentSources.containsKey(source));
    }

    private Map<String, Object> variables() {
        Map<String, Object> variables = new TreeMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof SystemEnvironmentPropertySource e) {
                variables.putAll(e.getSource());
            }
        }
        return variables;
    }

    private static List<String> placeholders(String value) {
        List<String> names = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** VANTAGE_A_B_CLIENTSECRET and VANTAGE_A_B_CLIENT_SECRET both bind vantage.a.b.client-secret. */
    private static Set<String> variableForms(ConfigurationPropertyName name) {
        String upper = name.toString().toUpperCase(Locale.ROOT).replaceAll("[.\\[\\]]+", "_").replaceAll("_$", "");
        return new java.util.HashSet<>(List.of(upper.replace("-", ""), upper.replace("-", "_")));
    }

    private static String messages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !text.toString().contains(t.getMessage())) {
                text.append(text.isEmpty() ? "" : " <- ").append(t.getMessage());
            }
        }
        return text.toString();
    }

    /** Every @ConfigurationProperties record of the code base (new ones are checked without touching this test). */
    private static Map<String, Class<?>> configurationRecords() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        Map<String, Class<?>> records = new TreeMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.vantage")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            Class<?> previous = records.put(prefix, type);
            if (previous != null) {
                throw new IllegalStateException(prefix + " is bound by both " + previous + " and " + type);
            }
        }
        return records;
    }
}
