package io.vantage.api.cloud;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.cloud.api.Capability;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.cloud.api.ProviderContext;
import io.vantage.domain.cloud.CloudProviderRecord;
import io.vantage.domain.cloud.CloudProviderRecordRepository;

/**
 * The providers the portal can use, built from the database rows (which the configured providers are copied into
 * at startup). A provider that cannot be built is remembered with its reason; it never affects the others.
 * Rows changed by an admin (on any replica) are rebuilt on next use.
 */
@Component
public class ProviderRegistry implements ApplicationEventPublisherAware {

    private static final Logger log = LoggerFactory.getLogger(ProviderRegistry.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CloudProviderRecordRepository records;
    private final CloudProperties properties;
    private final ProviderFactories factories;
    private final ConfigurableEnvironment environment;
    private final ProviderContext context;
    private final Map<Long, Loaded> loaded = new ConcurrentHashMap<>();
    private ApplicationEventPublisher events = event -> { };

    ProviderRegistry(CloudProviderRecordRepository records, CloudProperties properties, ProviderFactories factories,
                     ConfigurableEnvironment environment, DeploymentId deploymentId, Clock clock, TransactionTemplate tx) {
        this.records = records;
        this.properties = properties;
        this.factories = factories;
        this.environment = environment;
        this.context = new ProviderContext(deploymentId.value(), clock, properties.callTimeout());
        tx.executeWithoutResult(status -> registerConfiguredProviders());
    }

    @Override
    public void setApplicationEventPublisher(ApplicationEventPublisher publisher) {
        this.events = publisher;
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

    /** Why the provider of this id cannot be used now (disabled, misconfigured, no plugin), if it cannot. */
    public Optional<String> problem(Long providerId) {
        return Optional.ofNullable(load(providerId).problem());
    }

    public boolean isConfigured(String name) {
        return properties.providers().containsKey(name);
    }

    /** What the provider of this id can do; nothing when it cannot be used now (disabled, misconfigured). */
    public Set<Capability> capabilities(Long providerId) {
        return find(providerId).map(CloudProvider::capabilities).orElse(Set.of());
    }

    /** What an operator must know about how the provider of this id is set up; nothing when it cannot be used. */
    public List<String> warnings(Long providerId) {
        return find(providerId).map(CloudProvider::warnings).orElse(List.of());
    }

    /**
     * Whether the provider of this id can do this. A provider that cannot be used now (disabled, misconfigured) is
     * not known to lack it: the action is then refused by the worker with the real reason.
     */
    public boolean supports(Long providerId, Capability capability) {
        return find(providerId).map(provider -> provider.capabilities().contains(capability)).orElse(true);
    }

    /**
     * Checks settings for a provider of this type by binding them against the type's declaration and building the
     * provider (which never calls the cloud), then closing it again. Returns what is wrong, each naming its key.
     */
    public List<ProviderSettings.Problem> check(String type, String name, Map<String, Object> settings) {
        CloudProviderFactory<?> factory = factories.forType(type).orElse(null);
        if (factory == null) {
            return List.of(new ProviderSettings.Problem("", factories.notInstalled(type)));
        }
        try {
            closeQuietly(createFromMap(factory, name, settings));
            return List.of();
        } catch (ProviderSettings.SettingsException e) {
            return e.problems();
        } catch (CloudPermanentException | IllegalArgumentException e) {
            return List.of(new ProviderSettings.Problem(ProviderSettings.named(factory, e.getMessage()),
                    e.getMessage()));
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
        Optional<CloudProviderFactory<?>> factory = factories.forType(record.getType());
        if (factory.isEmpty()) {
            return new Loaded(null, record.getUpdatedAt(), "Cloud provider '" + record.getName() + "' cannot be "
                    + "used: " + factories.notInstalled(record.getType()));
        }
        try {
            CloudProvider provider = create(factory.get(), record);
            Long providerId = record.getId();
            provider.watchStates(computeId -> events.publishEvent(new MachineStateChanged(providerId, computeId)));
            log.info("Cloud provider '{}' ({}) ready", record.getName(), record.getType());
            provider.warnings().forEach(warning -> log.warn("Cloud provider '{}' ({}): {}", record.getName(),
                    record.getType(), warning));
            return new Loaded(provider, record.getUpdatedAt(), null);
        } catch (CloudPermanentException | IllegalArgumentException e) {
            log.warn("Cloud provider '{}' cannot be used: {}", record.getName(), e.getMessage());
            return new Loaded(null, record.getUpdatedAt(),
                    "Cloud provider '" + record.getName() + "' is misconfigured: " + e.getMessage());
        }
    }

    private <S> CloudProvider create(CloudProviderFactory<S> factory, CloudProviderRecord record) {
        if (isConfigured(record.getName())) {
            return factory.create(record.getName(), ProviderSettings.bind(factory, environment,
                    settingsPrefix(record.getName())), context);
        }
        return createFromMap(factory, record.getName(), settingsOf(record.getSettings()));
    }

    private <S> CloudProvider createFromMap(CloudProviderFactory<S> factory, String name, Map<String, Object> settings) {
        return factory.create(name, ProviderSettings.fromMap(factory, settings), context);
    }

    private static String settingsPrefix(String name) {
        return "vantage.cloud.providers." + name + ".settings";
    }

    private static Map<String, Object> settingsOf(String json) {
        return JSON.readValue(json == null || json.isBlank() ? "{}" : json, new TypeReference<>() { });
    }

    /**
     * Configured providers are checked (an installed type, a name, settings that bind) and get a row by name so
     * images and instances can refer to them; their settings stay in the configuration. Any problem stops the start,
     * every one named with its full property name.
     */
    private void registerConfiguredProviders() {
        List<String> problems = new ArrayList<>();
        properties.providers().forEach((name, provider) -> {
            String where = "vantage.cloud.providers." + name;
            if (name.matches("\\d+")) {
                problems.add(where + ": vantage.cloud.providers is a map by provider name, not a list; write "
                        + "vantage.cloud.providers.<name>.type and .settings (this entry has no name)");
                return;
            }
            if (!name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
                problems.add(where + ": a provider name is lower-case letters, digits and dashes");
                return;
            }
            Optional<CloudProviderFactory<?>> factory = factories.forType(provider.type());
            if (factory.isEmpty()) {
                problems.add(where + ".type: " + (provider.type() == null ? "missing; "
                        + "installed provider types: " + String.join(", ", factories.types())
                        : factories.notInstalled(provider.type())));
                return;
            }
            try {
                ProviderSettings.bind(factory.get(), environment, settingsPrefix(name));
            } catch (ProviderSettings.SettingsException e) {
                e.problems().forEach(p -> problems.add(settingsPrefix(name) + (p.key().isEmpty() ? "" : "." + p.key())
                        + ": " + p.message()));
                return;
            }
            CloudProviderRecord record = records.findByName(name)
                    .orElseGet(() -> new CloudProviderRecord(name, factory.get().type(), "{}"));
            if (record.isEnabled() != provider.enabled() || record.getId() == null) {
                record.setEnabled(provider.enabled());
            }
            records.save(record);
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Cloud providers in the configuration are invalid:\n  "
                    + String.join("\n  ", problems));
        }
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
