package io.vantage.api.data;

import java.util.Collection;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import io.vantage.api.command.MountPlanner;
import io.vantage.cloud.api.DataMount;
import io.vantage.domain.data.DataFolder;
import io.vantage.domain.data.DataLocations;
import io.vantage.domain.data.DataPlan;
import io.vantage.domain.data.DataStore;
import io.vantage.domain.data.InstanceDatasetRepository;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.proposal.Experiment;
import io.vantage.domain.proposal.ExperimentRepository;

/**
 * The data mounts of an instance, as the provider receives them: its experiments' folders (which only people who may
 * access them could give it: checked at launch and when an experiment is added) and those of the datasets it was
 * opened from. The provider learns where and how, never why.
 */
@Component
@EnableConfigurationProperties(DataProperties.class)
public class DataMountPlanner implements MountPlanner {

    private final DataLocations locations;
    private final ExperimentRepository experiments;
    private final InstanceDatasetRepository datasets;

    DataMountPlanner(DataLocations locations, ExperimentRepository experiments, InstanceDatasetRepository datasets) {
        this.locations = locations;
        this.experiments = experiments;
        this.datasets = datasets;
    }

    /** Inside a transaction. */
    public DataPlan plan(Instance instance) {
        List<String> ids = instance.getExperiments().stream().map(Experiment::getId).toList();
        return plan(ids, instance.getProvider().getId(), instance.getId());
    }

    /** Inside a transaction; {@code instanceId} may be null (a launch not yet made). */
    public DataPlan plan(Collection<String> experimentIds, Long providerId, Long instanceId) {
        List<Experiment> chosen = experimentIds.isEmpty() ? List.of() : experiments.findAllWithInstrument(experimentIds);
        return locations.plan(chosen, providerId,
                instanceId == null ? List.of() : datasets.findByInstanceIdOrderByPid(instanceId));
    }

    @Override
    public List<DataMount> mounts(Instance instance) {
        return plan(instance).folders().stream().map(DataMountPlanner::mount).toList();
    }

    /** A store's kind as providers know it: dCache is NFS 4.1. */
    static DataMount mount(DataFolder folder) {
        DataStore store = folder.store();
        String options = store.getMountOptions();
        DataMount.Kind kind = switch (store.getKind()) {
            case LOCAL -> DataMount.Kind.LOCAL;
            case NFS -> DataMount.Kind.NFS;
            case DCACHE_NFS41 -> {
                options = options != null && options.matches("(^|.*,)vers=.*") ? options
                        : "vers=4.1" + (options == null ? "" : "," + options);
                yield DataMount.Kind.NFS;
            }
            case CEPHFS -> DataMount.Kind.CEPHFS;
            case KUBERNETES_CLAIM -> DataMount.Kind.KUBERNETES_CLAIM;
            case CSI -> DataMount.Kind.CSI;
        };
        String source = kind == DataMount.Kind.LOCAL ? folder.path() : store.getServer() + ":" + folder.path();
        return new DataMount(folder.target(), kind, source, folder.readOnly(), options, store.getSecret());
    }
}
