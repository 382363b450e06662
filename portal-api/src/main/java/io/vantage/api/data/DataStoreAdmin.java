package io.vantage.api.data;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.error.FieldException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.audit.AuditLog;
import io.vantage.domain.cloud.CloudProviderRecordRepository;
import io.vantage.domain.data.DataFolder;
import io.vantage.domain.data.DataLocationException;
import io.vantage.domain.data.DataLocations;
import io.vantage.domain.data.DataStore;
import io.vantage.domain.data.DataStoreException;
import io.vantage.domain.data.DataStoreRepository;
import io.vantage.domain.proposal.Experiment;
import io.vantage.domain.proposal.ExperimentRepository;
import io.vantage.domain.proposal.InstrumentRepository;

/**
 * Admins' data stores. Every change is audited (never with the credential); bad input names its field; at most one
 * enabled store per scope (instrument × cloud), so which store applies is never ambiguous.
 */
@Service
public class DataStoreAdmin {

    /** A credential sent back as the pages show it: keep the stored one. */
    public static final String MASK = "****";

    private final DataStoreRepository stores;
    private final InstrumentRepository instruments;
    private final CloudProviderRecordRepository providers;
    private final ExperimentRepository experiments;
    private final DataLocations locations;
    private final AuditLog audit;
    private final Clock clock;

    DataStoreAdmin(DataStoreRepository stores, InstrumentRepository instruments, CloudProviderRecordRepository providers,
                   ExperimentRepository experiments, DataLocations locations, AuditLog audit, Clock clock) {
        this.stores = stores;
        this.instruments = instruments;
        this.providers = providers;
        this.experiments = experiments;
        this.locations = locations;
        this.audit = audit;
        this.clock = clock;
    }

    /** Where an experiment's data would be with the stores as they are, and what a machine would be asked to mount. */
    public record Preview(String experimentId, List<Folder> folders, List<String> notes) {

        public record Folder(String folder, String path, boolean readOnly, String store, String kind, String source,
                             String options) {
        }
    }

    @Transactional(readOnly = true)
    public List<DataStoreView> list() {
        return stores.findAllByOrderByNameAsc().stream().map(DataStoreView::of).toList();
    }

    @Transactional(readOnly = true)
    public DataStoreView get(Long id) {
        return DataStoreView.of(find(id));
    }

    @Transactional
    public DataStoreView create(CurrentUser admin, DataStoreRequest request) {
        if (stores.existsByNameIgnoreCase(request.name())) {
            throw new FieldException("name", "a data store named '" + request.name() + "' exists already");
        }
        String secret = request.secret() == null || MASK.equals(request.secret()) ? null : request.secret();
        DataStore store = define(() -> new DataStore(request.definition(), secret, clock.instant()), request);
        requireFreeScope(store);
        stores.save(store);
        audit.success(admin.id(), "admin.data-store.create", "data-store", String.valueOf(store.getId()),
                describe(store));
        return DataStoreView.of(store);
    }

    @Transactional
    public DataStoreView update(CurrentUser admin, Long id, DataStoreRequest request) {
        DataStore store = find(id);
        if (!store.getName().equalsIgnoreCase(request.name()) && stores.existsByNameIgnoreCase(request.name())) {
            throw new FieldException("name", "a data store named '" + request.name() + "' exists already");
        }
        define(() -> {
            store.update(request.definition(), clock.instant());
            return store;
        }, request);
        boolean secretChanged = request.secret() != null && !MASK.equals(request.secret());
        if (secretChanged) {
            store.setSecret(request.secret(), clock.instant());
        }
        requireFreeScope(store);
        audit.success(admin.id(), "admin.data-store.update", "data-store", String.valueOf(id), describe(store)
                + (secretChanged ? "; credential " + (store.getSecret() == null ? "removed" : "changed") : ""));
        return DataStoreView.of(store);
    }

    @Transactional
    public void delete(CurrentUser admin, Long id) {
        DataStore store = find(id);
        stores.delete(store);
        audit.success(admin.id(), "admin.data-store.delete", "data-store", String.valueOf(id), describe(store));
    }

    @Transactional(readOnly = true)
    public Preview preview(String experimentId, Long providerId) {
        Experiment experiment = experiments.findAllWithInstrument(List.of(experimentId)).stream().findFirst()
                .orElseThrow(() -> new FieldException("experimentId", "unknown experiment " + experimentId));
        try {
            var plan = locations.plan(List.of(experiment), providerId, List.of());
            return new Preview(experimentId, plan.folders().stream().map(DataStoreAdmin::folder).toList(), plan.notes());
        } catch (DataLocationException e) {
            return new Preview(experimentId, List.of(), List.of(e.getMessage()));
        }
    }

    private static Preview.Folder folder(DataFolder folder) {
        var mount = DataMountPlanner.mount(folder);
        return new Preview.Folder("~/" + mount.folder(), folder.path(), folder.readOnly(), folder.store().getName(),
                mount.kind().name(), mount.source(), mount.options());
    }

    private DataStore define(java.util.function.Supplier<DataStore> build, DataStoreRequest request) {
        if (request.instrumentId() != null && !request.instrumentId().isBlank()
                && !instruments.existsById(request.instrumentId().strip())) {
            throw new FieldException("instrumentId", "no instrument '" + request.instrumentId() + "'");
        }
        if (request.providerId() != null && !providers.existsById(request.providerId())) {
            throw new FieldException("providerId", "no cloud provider with id " + request.providerId());
        }
        try {
            return build.get();
        } catch (DataStoreException e) {
            throw new FieldException(e.field(), e.getMessage());
        }
    }

    private void requireFreeScope(DataStore store) {
        if (!store.isEnabled()) {
            return;
        }
        stores.findByEnabledTrue().stream()
                .filter(other -> !Objects.equals(other.getId(), store.getId()))
                .filter(other -> Objects.equals(other.getInstrumentId(), store.getInstrumentId())
                        && Objects.equals(other.getProviderId(), store.getProviderId()))
                .findFirst().ifPresent(other -> {
                    throw new FieldException(store.getInstrumentId() != null ? "instrumentId" : "providerId",
                            "data store '" + other.getName() + "' already applies to "
                                    + (store.getInstrumentId() == null ? "every instrument" : store.getInstrumentId())
                                    + " on " + (store.getProviderId() == null ? "every cloud" : "this cloud")
                                    + "; change its scope or disable it first");
                });
    }

    private static String describe(DataStore s) {
        return s.getName() + ": " + s.getKind() + (s.getServer() == null ? "" : " " + s.getServer()) + " "
                + s.getRootPath() + ", raw " + s.getRawRule() + ", processed "
                + (s.getProcessedRule() == null ? "none" : s.getProcessedRule())
                + (s.getInstrumentId() == null ? "" : ", instrument " + s.getInstrumentId())
                + (s.getProviderId() == null ? "" : ", cloud " + s.getProviderId())
                + (s.isEnabled() ? "" : ", disabled");
    }

    private DataStore find(Long id) {
        return stores.findById(id).orElseThrow(() -> new NotFoundException("data store", id));
    }
}
