package io.vantage.api.cloud;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.cloud.api.ProviderContext;
import io.vantage.domain.cloud.CloudProviderRecord;
import io.vantage.domain.cloud.CloudProviderRecordRepository;
import io.vantage.domain.cloud.ProviderType;

/**
 * The providers the portal can use, built from the database rows (which the configured providers are copied into
 * at startup). A provider that cannot be built is remembered with its reason; it never affects the others.
 * Rows changed by an admin (on any replica) are rebuilt on next use.
 */
@Component
public class ProviderRegistry {

    private static final Logger log = LoggerFactory.getLogger(ProviderRegistry.class);

    private final CloudProviderRecordRepository records;
    private final CloudProperties properties;
    private final ProviderFactories factories;
    private final Environment environment;
    private final ProviderContext context;
    private final Map<Long, Loaded> loaded = new ConcurrentHashMap<>();

    ProviderRegistry(CloudProviderRecordRepository records, CloudProperties properties, ProviderFactories factories,
                     Environment environment, DeploymentId deploymentId, Clock clock, TransactionTemplate tx) {
        this.records = records;
        this.properties = properties;
        this.factories = factories;
        this.environment = environment;
        this.context = new ProviderContext(deploymentId.value(), clock, properties.callTimeout());
        tx.executeWithoutResult(status -> registerConfiguredProviders());
    }

    /** The provider with this id, or an explanation of why it cannot be used. */
    public CloudProvider require(Long providerId) {
        Loaded entry = load(providerId);
        if (entry.provider() == null) {
            throw new ProviderUnavailableException(entry.problem());
        }
        return entry.provider();
    }

    public Optional<CloudProvider> find(Long providerId) {
        return Optional.ofNullable(load(providerId).provider());
    }

    public List<ProviderStatus> statuses() {
        return records.findAllByOrderByName().stream().map(record -> {
            Loaded entry = load(record.getId());
            if (entry.provider() == null) {
                return new ProviderStatus(record.getId(), record.getName(), record.getType().name(), record.isEnabled(),
                        false, false, entry.problem());
            }
            var health = entry.provider().checkHealth();
            return new ProviderStatus(record.getId(), record.getName(), record.getType().name(), true, true,
                    health.up(), health.message());
        }).toList();
    }

    public boolean isConfigured(String name) {
        return properties.providers().containsKey(name);
    }

    public boolean hasPlugin(ProviderType type) {
        return factories.forType(type.pluginType()).isPresent();
    }

    /**
     * Builds a provider of this type from settings JSON and closes it again, proving the settings are valid without
     * calling the cloud (factories must not). Returns the reason they are not, naming the setting, if any.
     */
    public Optional<String> check(ProviderType type, String name, String settingsJson) {
        Optional<CloudProviderFactory<?>> factory = factories.forType(type.pluginType());
        if (factory.isEmpty()) {
            return Optional.of("No plugin for provider type '" + type.pluginType() + "' is installed");
        }
        try {
            closeQuietly(createFromJson(factory.get(), name, settingsJson));
            return Optional.empty();
        } catch (CloudPermanentException | IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Closes and drops the provider built for a row that no longer exists. */
    public void forget(Long providerId) {
        Loaded previous = loaded.remove(providerId);
        if (previous != null && previous.provider() != null) {
            closeQuietly(previous.provider());
        }
    }

    private Loaded load(Long providerId) {
        CloudProviderRecord record = records.findById(providerId).orElse(null);
        if (record == null) {
            return new Loaded(null, null, "No cloud provider with id " + providerId);
        }
        Loaded current = loaded.get(providerId);
        if (isCurrent(current, record)) {
            return current;
        }
        synchronized (loaded) { // one build per change, however many requests arrive at once
            current = loaded.get(providerId);
            if (isCurrent(current, record)) {
                return current;
            }
            Loaded fresh = build(record);
            loaded.put(providerId, fresh);
            if (current != null && current.provider() != null) {
                closeQuietly(current.provider());
            }
            return fresh;
        }
    }

    private static boolean isCurrent(Loaded entry, CloudProviderRecord record) {
        return entry != null && entry.version() != null && entry.version().equals(record.getUpdatedAt());
    }

    private Loaded build(CloudProviderRecord record) {
        if (!record.isEnabled()) {
            return new Loaded(null, record.getUpdatedAt(), "Cloud provider '" + record.getName() + "' is disabled");
        }
        Optional<CloudProviderFactory<?>> factory = factories.forType(record.getType().pluginType());
        if (factory.isEmpty()) {
            return new Loaded(null, record.getUpdatedAt(), "No plugin for provider type '" + record.getType().pluginType()
                    + "' is installed (provider '" + record.getName() + "')");
        }
        try {
            CloudProvider provider = create(factory.get(), record);
            log.info("Cloud provider '{}' ({}) ready", record.getName(), record.getType());
            return new Loaded(provider, record.getUpdatedAt(), null);
        } catch (CloudPermanentException | IllegalArgumentException e) {
            log.warn("Cloud provider '{}' cannot be used: {}", record.getName(), e.getMessage());
            return new Loaded(null, record.getUpdatedAt(),
                    "Cloud provider '" + record.getName() + "' is misconfigured: " + e.getMessage());
        }
    }

    private <S> CloudProvider create(CloudProviderFactory<S> factory, CloudProviderRecord record) {
        S settings = isConfigured(record.getName())
                ? Binder.get(environment).bind("vantage.cloud.providers." + record.getName() + ".settings",
                        factory.settingsType()).orElseGet(() -> SettingsBinder.fromJson("{}", factory.settingsType()))
                : SettingsBinder.fromJson(record.getSettings(), factory.settingsType());
        return factory.create(record.getName(), settings, context);
    }

    private <S> CloudProvider createFromJson(CloudProviderFactory<S> factory, String name, String settingsJson) {
        return factory.create(name, SettingsBinder.fromJson(settingsJson, factory.settingsType()), context);
    }

    /** Configured providers get a row (by name) so images and instances can refer to them; settings stay in config. */
    private void registerConfiguredProviders() {
        properties.providers().forEach((name, provider) -> {
            ProviderType type;
            try {
                type = ProviderType.valueOf(String.valueOf(provider.type()).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                log.error("vantage.cloud.providers.{}.type must be openstack, kubernetes or local, not '{}'",
                        name, provider.type());
                return;
            }
            CloudProviderRecord record = records.findByName(name).orElseGet(() -> new CloudProviderRecord(name, type, "{}"));
            if (record.isEnabled() != provider.enabled() || record.getId() == null) {
                record.setEnabled(provider.enabled());
            }
            records.save(record);
        });
    }

    private static void closeQuietly(CloudProvider provider) {
        try {
            provider.close();
        } catch (Exception e) {
            log.debug("Closing provider {} failed: {}", provider.name(), e.getMessage());
        }
    }

    private record Loaded(CloudProvider provider, java.time.Instant version, String problem) {
    }
}
