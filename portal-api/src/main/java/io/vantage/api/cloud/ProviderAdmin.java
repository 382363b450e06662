package io.vantage.api.cloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.api.audit.AdminAudit;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.security.CurrentUser;
import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.domain.catalogue.FlavourRepository;
import io.vantage.domain.catalogue.ImageRepository;
import io.vantage.domain.cloud.CloudProviderRecord;
import io.vantage.domain.cloud.CloudProviderRecordRepository;
import io.vantage.domain.instance.InstanceRepository;

/**
 * Adds, changes and removes clouds at runtime. Settings are proven by building the provider (which never calls the
 * cloud); the registry rebuilds a changed provider on next use, on every replica. Providers from the configuration
 * file are read-only here: the next start would undo any change.
 */
@Service
public class ProviderAdmin {

    private final CloudProviderRecordRepository records;
    private final ProviderRegistry registry;
    private final ProviderFactories factories;
    private final CloudWatch watch;
    private final ProviderQueries queries;
    private final ImageRepository images;
    private final FlavourRepository flavours;
    private final InstanceRepository instances;
    private final ProviderDeletionRepository deletions;
    private final AdminAudit audit;
    private final TransactionTemplate tx;

    ProviderAdmin(CloudProviderRecordRepository records, ProviderRegistry registry, ProviderFactories factories,
                  CloudWatch watch, ProviderQueries queries, ImageRepository images, FlavourRepository flavours,
                  InstanceRepository instances, ProviderDeletionRepository deletions, AdminAudit audit,
                  TransactionTemplate tx) {
        this.records = records;
        this.registry = registry;
        this.factories = factories;
        this.watch = watch;
        this.queries = queries;
        this.images = images;
        this.flavours = flavours;
        this.instances = instances;
        this.deletions = deletions;
        this.audit = audit;
        this.tx = tx;
    }

    public ProviderView create(CurrentUser actor, ProviderRequests.NewProvider request) {
        CloudProviderFactory<?> factory = factories.forType(request.type())
                .orElseThrow(() -> new FieldException("type", "no provider type '" + request.type()
                        + "' is installed; installed types: " + String.join(", ", factories.types())));
        if (records.findByName(request.name()).isPresent() || registry.isConfigured(request.name())) {
            throw new ConflictException(HttpStatus.CONFLICT, "Name in use", "A cloud provider called '"
                    + request.name() + "' exists already.", Map.of("field", "name"));
        }
        Map<String, Object> settings = ProviderSettings.canonical(factory,
                request.settings() == null ? Map.of() : request.settings());
        String json = checkedSettings(factory.type(), request.name(), settings);
        Long id = tx.execute(status -> {
            CloudProviderRecord record = new CloudProviderRecord(request.name(), factory.type(), json);
            record.setEnabled(request.enabled() == null || request.enabled());
            records.save(record);
            audit.success(actor, "admin.provider.create", "provider", record.getId(), record.getName() + " ("
                    + factory.type() + ", settings " + String.join(", ", keys(settings)) + ")");
            return record.getId();
        });
        watch.refresh(id);
        return queries.get(id, null);
    }

    public ProviderView updateSettings(CurrentUser actor, Long id, ProviderRequests.SettingsChange change) {
        CloudProviderRecord record = editable(actor, "admin.provider.update", id);
        CloudProviderFactory<?> factory = factories.forType(record.getType()).orElseThrow(() -> new FieldException(
                "type", "no provider type '" + record.getType() + "' is installed; its settings cannot be checked"));
        Map<String, Object> merged = SettingsMask.restore(factory, ProviderSettings.canonical(factory,
                change.settings()), ProviderQueries.settingsOf(record), "settings");
        String json = checkedSettings(record.getType(), record.getName(), merged);
        tx.executeWithoutResult(status -> {
            records.findById(id).orElseThrow().updateSettings(json);
            audit.success(actor, "admin.provider.update", "provider", id, "settings " + String.join(", ", keys(merged)));
        });
        watch.refresh(id);
        return queries.get(id, null);
    }

    public ProviderView enable(CurrentUser actor, Long id, boolean enabled) {
        String action = enabled ? "admin.provider.enable" : "admin.provider.disable";
        editable(actor, action, id);
        long live = instances.countAliveOnProvider(id);
        tx.executeWithoutResult(status -> {
            records.findById(id).orElseThrow().setEnabled(enabled);
            audit.success(actor, action, "provider", id, live + " live instance(s)");
        });
        if (enabled) {
            watch.refresh(id);
        }
        String warning = enabled || live == 0 ? null : live + " live instance(s) on this provider can no longer be "
                + "started, stopped or deleted, and are not watched, until it is enabled again.";
        return queries.get(id, warning);
    }

    /**
     * Only an unused provider can go: live images, flavours or instances are named in a 409. Soft-deleted images
     * and flavours go with it; instance history cannot, so a provider that ever ran instances can only be disabled.
     */
    public void delete(CurrentUser actor, Long id) {
        CloudProviderRecord record = editable(actor, "admin.provider.delete", id);
        List<String> uses = new ArrayList<>();
        images.findByProviderIdAndDeletedFalse(id).forEach(i -> uses.add("image '" + i.getName() + " "
                + (i.getVersion() == null ? "" : i.getVersion()) + "' (" + i.getId() + ")"));
        flavours.findByProviderIdAndDeletedFalse(id).forEach(f -> uses.add("flavour '" + f.getName() + "' ("
                + f.getId() + ")"));
        long live = instances.countAliveOnProvider(id);
        if (live > 0) {
            uses.add(live + " live instance(s)");
        }
        if (!uses.isEmpty()) {
            throw audit.refused(actor, "admin.provider.delete", "provider", id, new ConflictException(
                    HttpStatus.CONFLICT, "Provider in use", "Cloud provider '" + record.getName() + "' is used by "
                            + String.join(", ", uses) + "; delete those first.", Map.of("usedBy", uses)));
        }
        long history = instances.countByProviderId(id);
        if (history > 0) {
            throw audit.refused(actor, "admin.provider.delete", "provider", id, new ConflictException(
                    HttpStatus.CONFLICT, "Provider has history", history + " past instance(s) in the history ran on "
                            + "cloud provider '" + record.getName() + "'; disable it instead.",
                    Map.of("pastInstances", history)));
        }
        tx.executeWithoutResult(status -> {
            deletions.deleteWithCatalogue(id);
            audit.success(actor, "admin.provider.delete", "provider", id, record.getName());
        });
        registry.forget(id);
    }

    private CloudProviderRecord editable(CurrentUser actor, String action, Long id) {
        CloudProviderRecord record = queries.find(id);
        if (registry.isConfigured(record.getName())) {
            throw audit.refused(actor, action, "provider", id, new ConflictException(HttpStatus.CONFLICT,
                    "Provider from configuration", "Cloud provider '" + record.getName() + "' comes from the "
                            + "configuration file (vantage.cloud.providers." + record.getName() + "); change it there "
                            + "and restart.", Map.of("provider", record.getName())));
        }
        return record;
    }

    /** Refuses settings the type cannot use; the field named is the first key at fault ({@code settings.x}). */
    private String checkedSettings(String type, String name, Map<String, Object> settings) {
        List<ProviderSettings.Problem> problems = registry.check(type, name, settings);
        if (!problems.isEmpty()) {
            String key = problems.get(0).key();
            throw new FieldException(key.isEmpty() ? "settings" : "settings." + key,
                    String.join("; ", problems.stream().map(ProviderSettings.Problem::message).toList()));
        }
        return ProviderQueries.JSON.writeValueAsString(settings);
    }

    /** Setting names only: values may be secrets and audit details are shown to every admin. */
    private static List<String> keys(Map<String, Object> settings) {
        return settings == null ? List.of() : settings.keySet().stream().sorted().toList();
    }
}
