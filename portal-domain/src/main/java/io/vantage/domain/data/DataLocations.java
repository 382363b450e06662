package io.vantage.domain.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.domain.proposal.Experiment;
import io.vantage.domain.proposal.Proposal;

/**
 * Where the data of experiments lives for a machine on a given cloud: for each experiment the most specific enabled
 * store (instrument and cloud, instrument, cloud, neither), its raw folder (the user office's path or the store's
 * rule) and its proposal's area; then the folders of datasets no such folder holds. Callers pass only experiments
 * the instance's owner may access. A dataset's folder comes from a catalogue, where people may register datasets of
 * their own with any folder: it is shown only inside the folders the portal itself gives its experiment (raw data
 * and the proposal's area, in any store), never elsewhere in a store.
 */
@Service
public class DataLocations {

    private final DataStoreRepository stores;

    public DataLocations(DataStoreRepository stores) {
        this.stores = stores;
    }

    /**
     * @param experiments with their proposal and instrument loaded
     * @throws DataLocationException when a folder cannot be placed inside its store, naming the experiment
     */
    @Transactional(readOnly = true)
    public DataPlan plan(Collection<Experiment> experiments, Long providerId, Collection<InstanceDataset> datasets) {
        List<DataStore> enabled = stores.findByEnabledTrue();
        Map<String, DataFolder> byTarget = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        for (Experiment experiment : experiments.stream().sorted(Comparator.comparing(Experiment::getId)).toList()) {
            Optional<DataStore> store = applicable(enabled, experiment.getInstrument().getId(), providerId);
            if (store.isEmpty()) {
                notes.add("No data store is set up for " + experiment.getInstrument().getId() + " on this cloud: "
                        + experiment.getId() + " has no data folder.");
                continue;
            }
            Proposal proposal = experiment.getProposal();
            add(byTarget, new DataFolder(Targets.of(experiment.getId()), store.get(),
                    rawFolder(store.get(), experiment), true, experiment.getId(), proposal.getId(), null));
            processedFolder(store.get(), experiment).ifPresent(path -> add(byTarget, new DataFolder(
                    Targets.processed(proposal.getId()), store.get(), path, false, experiment.getId(), proposal.getId(),
                    null)));
        }
        for (InstanceDataset dataset : datasets) {
            Optional<Experiment> owner = experiments.stream()
                    .filter(e -> e.getId().equals(dataset.getExperimentId())).findFirst();
            if (owner.isEmpty() || attributed(enabled, owner.get()).stream()
                    .noneMatch(path -> PathRule.isInside(dataset.getSourceFolder(), path))) {
                notes.add("Dataset " + dataset.getPid() + " is in " + dataset.getSourceFolder() + ", outside the data "
                        + "of experiment " + dataset.getExperimentId() + " and its proposal's area: it is not shown.");
                continue;
            }
            boolean held = byTarget.values().stream().anyMatch(folder -> folder.kind() != DataFolder.Kind.DATASET
                    && PathRule.isInside(dataset.getSourceFolder(), folder.path()));
            if (held) {
                continue;
            }
            Optional<DataStore> store = holding(enabled, dataset.getSourceFolder(), providerId);
            if (store.isEmpty()) {
                notes.add("Dataset " + dataset.getPid() + " is in " + dataset.getSourceFolder()
                        + ", which no data store holds: it is not shown.");
                continue;
            }
            add(byTarget, new DataFolder(Targets.dataset(dataset.getPid()), store.get(), dataset.getSourceFolder(), true,
                    dataset.getExperimentId(), null, dataset.getPid()));
        }
        return new DataPlan(List.copyOf(byTarget.values()), notes);
    }

    /**
     * The experiment's raw folder in every enabled store that may hold it, whatever the cloud: a catalogue names data
     * by the facility's paths, so a dataset's folder is matched against each. Folders that cannot be placed are left
     * out.
     */
    @Transactional(readOnly = true)
    public List<String> rawFolders(Experiment experiment) {
        return folders(stores.findByEnabledTrue(), experiment, false);
    }

    /** Like {@link #rawFolders}, for the processed-data areas of the experiment's proposal. */
    @Transactional(readOnly = true)
    public List<String> processedFolders(Experiment experiment) {
        return folders(stores.findByEnabledTrue(), experiment, true);
    }

    private static List<String> attributed(List<DataStore> enabled, Experiment experiment) {
        List<String> all = new ArrayList<>(folders(enabled, experiment, false));
        all.addAll(folders(enabled, experiment, true));
        return all;
    }

    private static List<String> folders(List<DataStore> enabled, Experiment experiment, boolean processed) {
        List<String> folders = new ArrayList<>();
        for (DataStore store : enabled) {
            if (store.getInstrumentId() == null || store.getInstrumentId().equals(experiment.getInstrument().getId())) {
                try {
                    if (processed) {
                        processedFolder(store, experiment).ifPresent(folders::add);
                    } else {
                        folders.add(rawFolder(store, experiment));
                    }
                } catch (DataLocationException e) {
                    // a path that cannot be placed holds no dataset
                }
            }
        }
        return folders;
    }

    private static String rawFolder(DataStore store, Experiment experiment) {
        try {
            if (experiment.getDataPath() != null && !experiment.getDataPath().isBlank()) {
                return PathRule.within(store.getRootPath(), experiment.getDataPath());
            }
            return store.rawFolder(PathRule.values(experiment.getInstrument().getId(),
                    experiment.getProposal().getId(), experiment.getId(), experiment.getStartDate()));
        } catch (IllegalArgumentException e) {
            throw new DataLocationException("The data of experiment " + experiment.getId() + " cannot be placed in "
                    + "data store '" + store.getName() + "': " + e.getMessage());
        }
    }

    private static Optional<String> processedFolder(DataStore store, Experiment experiment) {
        Proposal proposal = experiment.getProposal();
        try {
            if (proposal.getDataPath() != null && !proposal.getDataPath().isBlank()) {
                return Optional.of(PathRule.within(store.getRootPath(), proposal.getDataPath()));
            }
            return Optional.ofNullable(store.getProcessedRule()).map(rule -> PathRule.expand(store.getRootPath(),
                    rule, Map.of("instrument", experiment.getInstrument().getId(), "proposal", proposal.getId())));
        } catch (IllegalArgumentException e) {
            throw new DataLocationException("The processed-data area of proposal " + proposal.getId()
                    + " cannot be placed in data store '" + store.getName() + "': " + e.getMessage());
        }
    }

    /** Same target for another folder: the later one gets {@code -2}, {@code -3}...; the same folder only once. */
    private static void add(Map<String, DataFolder> byTarget, DataFolder folder) {
        if (byTarget.values().stream().anyMatch(f -> f.path().equals(folder.path()) && f.store() == folder.store()
                && f.readOnly() == folder.readOnly())) {
            return;
        }
        String target = folder.target();
        for (int n = 2; byTarget.containsKey(target); n++) {
            target = Targets.suffixed(folder.target(), n);
        }
        byTarget.put(target, new DataFolder(target, folder.store(), folder.path(), folder.readOnly(),
                folder.experimentId(), folder.proposalId(), folder.datasetPid()));
    }

    static Optional<DataStore> applicable(List<DataStore> enabled, String instrumentId, Long providerId) {
        return enabled.stream()
                .filter(s -> s.getInstrumentId() == null || s.getInstrumentId().equals(instrumentId))
                .filter(s -> s.getProviderId() == null || s.getProviderId().equals(providerId))
                .max(Comparator.comparingInt(s -> (s.getInstrumentId() == null ? 0 : 2)
                        + (s.getProviderId() == null ? 0 : 1)));
    }

    private static Optional<DataStore> holding(List<DataStore> enabled, String folder, Long providerId) {
        return enabled.stream().filter(s -> s.getProviderId() == null || s.getProviderId().equals(providerId))
                .filter(s -> PathRule.isInside(folder, s.getRootPath()))
                .max(Comparator.comparingInt((DataStore s) -> s.getRootPath().length())
                        .thenComparingInt(s -> s.getProviderId() == null ? 0 : 1));
    }
}
