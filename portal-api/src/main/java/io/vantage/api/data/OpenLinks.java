package io.vantage.api.data;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.api.error.FieldException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.AccessPolicy;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.data.DataLocations;
import io.vantage.domain.data.PathRule;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.InstanceState;
import io.vantage.domain.proposal.Experiment;
import io.vantage.domain.proposal.ExperimentRepository;
import io.vantage.domain.proposal.Proposal;
import io.vantage.domain.proposal.ProposalRepository;

/**
 * Resolves an "Analyse in Vantage" link ({@code /open?pid=}): a DOI of an experiment or a proposal the portal knows,
 * or a dataset PID looked up in SciCat. The person must be allowed the data: on the experiment (or staff, as for
 * launches), or for a dataset on an experiment of its proposal, and never on a dataset inside the folder of an
 * experiment they are not on. Unknown → {@link NotFoundException}; not allowed → {@link AccessDeniedException} with a
 * sentence saying why and what to do; catalogue down → {@link CatalogueUnavailableException}.
 */
@Service
public class OpenLinks {

    private final SciCatClient scicat;
    private final ExperimentRepository experiments;
    private final ProposalRepository proposals;
    private final InstanceRepository instances;
    private final DataLocations locations;
    private final AccessPolicy access;
    private final TransactionTemplate tx;

    OpenLinks(SciCatClient scicat, ExperimentRepository experiments, ProposalRepository proposals,
              InstanceRepository instances, DataLocations locations, AccessPolicy access, TransactionTemplate tx) {
        this.scicat = scicat;
        this.experiments = experiments;
        this.proposals = proposals;
        this.instances = instances;
        this.locations = locations;
        this.access = access;
        this.tx = tx;
    }

    public OpenTarget resolve(CurrentUser user, String pid) {
        String given = pid == null ? "" : pid.strip();
        if (given.isEmpty() || given.length() > 255 || given.chars().anyMatch(Character::isISOControl)) {
            throw new FieldException("pid", "give a dataset PID or a DOI (at most 255 characters)");
        }
        String doi = doi(given);
        Optional<OpenTarget> known = tx.execute(status -> byDoi(user, given, doi));
        if (known.isPresent()) {
            return known.get();
        }
        if (!scicat.configured()) {
            throw new NotFoundException("No experiment or proposal has the DOI " + doi + ", and no dataset catalogue "
                    + "is set up to look up " + given + ".");
        }
        Dataset dataset = scicat.find(given).orElseThrow(() -> new NotFoundException("The data catalogue knows no "
                + "dataset " + given + ". Check the link, or open the catalogue's page of the dataset again."));
        return tx.execute(status -> byDataset(user, given, dataset));
    }

    /** A dataset a launch asked for, checked: the person may use it, and it belongs to one of the launch's experiments. */
    public record LaunchDataset(String pid, String experimentId, String sourceFolder) {
    }

    /**
     * The datasets of a launch ({@code datasetPids}), resolved before the launch's transaction (the catalogue may
     * take its time); each must be a dataset of one of the chosen experiments.
     */
    public List<LaunchDataset> forLaunch(CurrentUser user, List<String> pids, List<String> experimentIds) {
        List<LaunchDataset> datasets = new java.util.ArrayList<>();
        for (String pid : pids) {
            OpenTarget target = resolve(user, pid);
            if (target.datasetPid() == null) {
                throw new FieldException("datasetPids", pid + " is not a dataset but the DOI of " + target.source() + " "
                        + (target.source().equals("proposal") ? target.proposalId() : target.experimentId())
                        + "; launch with its experiment instead");
            }
            if (!experimentIds.contains(target.experimentId())) {
                throw new FieldException("datasetPids", "dataset " + pid + " belongs to experiment "
                        + target.experimentId() + ": choose that experiment too");
            }
            if (target.folder() != null) { // a folder the experiment's data holds; any other is never mounted
                datasets.add(new LaunchDataset(target.datasetPid(), target.experimentId(), target.sourceFolder()));
            }
        }
        return datasets;
    }

    private Optional<OpenTarget> byDoi(CurrentUser user, String given, String doi) {
        List<Experiment> withDoi = experiments.findByDoi(doi);
        if (!withDoi.isEmpty()) {
            Experiment experiment = withDoi.get(0);
            if (!mayUse(user, experiment)) {
                throw new AccessDeniedException("You are not on experiment " + experiment.getId() + " (proposal "
                        + experiment.getProposal().getId() + "), so you cannot analyse its data here. Ask its principal "
                        + "investigator to add you to the experiment in the user office.");
            }
            return Optional.of(target(user, given, "experiment", title(experiment), experiment, null, null));
        }
        List<Proposal> proposal = proposals.findByDoi(doi);
        if (proposal.isEmpty()) {
            return Optional.empty();
        }
        List<Experiment> allowed = allowed(user, proposal.get(0).getId());
        if (allowed.isEmpty()) {
            throw notOnProposal(proposal.get(0).getId(), "proposal " + proposal.get(0).getId());
        }
        return Optional.of(target(user, given, "proposal", proposal.get(0).getTitle(), allowed.get(0), null, null));
    }

    private OpenTarget byDataset(CurrentUser user, String given, Dataset dataset) {
        String proposalId = dataset.proposal();
        if (proposalId == null || proposals.findById(proposalId).isEmpty()) {
            throw new NotFoundException("Dataset " + dataset.pid() + " belongs to "
                    + (proposalId == null ? "no proposal" : "proposal " + proposalId) + ", which this portal does not "
                    + "know: it can only open data of the facility's proposals.");
        }
        List<Experiment> all = experiments.findByProposal(proposalId);
        List<Experiment> allowed = all.stream().filter(e -> mayUse(user, e)).toList();
        if (allowed.isEmpty()) {
            throw notOnProposal(proposalId, "dataset " + dataset.pid() + " of proposal " + proposalId);
        }
        String folder = dataset.sourceFolder() == null ? null : cleanFolder(dataset.sourceFolder());
        if (folder != null) {
            for (Experiment experiment : all) {
                boolean holds = locations.rawFolders(experiment).stream().anyMatch(raw -> PathRule.isInside(folder, raw));
                if (holds && !allowed.contains(experiment)) {
                    throw new AccessDeniedException("Dataset " + dataset.pid() + " is in the data of experiment "
                            + experiment.getId() + ", which you are not on, so you cannot analyse it here. Ask its "
                            + "principal investigator to add you to the experiment in the user office.");
                }
                if (holds) {
                    return target(user, given, "dataset", dataset.name(), experiment, dataset.pid(), folder);
                }
            }
        }
        Experiment chosen = allowed.stream().filter(e -> e.getInstrument().getId().equals(dataset.instrumentId()))
                .findFirst().orElse(allowed.get(0));
        return target(user, given, "dataset", dataset.name(), chosen, dataset.pid(), folder);
    }

    private OpenTarget target(CurrentUser user, String given, String source, String title, Experiment experiment,
                              String datasetPid, String sourceFolder) {
        String folder = null;
        String note = null;
        if (sourceFolder != null) {
            // Anyone may register a dataset in a catalogue, with any folder: only the experiment's own folders count.
            Optional<String> raw = locations.rawFolders(experiment).stream()
                    .filter(path -> PathRule.isInside(sourceFolder, path)).findFirst();
            Optional<String> area = locations.processedFolders(experiment).stream()
                    .filter(path -> PathRule.isInside(sourceFolder, path)).findFirst();
            if (raw.isPresent()) {
                folder = "~/data/" + experiment.getId() + sourceFolder.substring(raw.get().length());
            } else if (area.isPresent()) {
                folder = "~/data/" + experiment.getProposal().getId() + "-processed"
                        + sourceFolder.substring(area.get().length());
            } else {
                note = "The dataset's folder " + sourceFolder + " is outside the data of experiment "
                        + experiment.getId() + " and of its proposal's area, so it is not shown; the experiment's "
                        + "data is.";
            }
        } else if (datasetPid != null) {
            note = "The catalogue gives no folder for this dataset; the experiment's data is shown.";
        }
        List<String> others = experiments.findByProposal(experiment.getProposal().getId()).stream()
                .filter(e -> !e.getId().equals(experiment.getId()) && mayUse(user, e)).map(Experiment::getId).toList();
        List<OpenTarget.RunningInstance> running = instances.findOwnedBy(user.id()).stream()
                .filter(i -> i.getState() != InstanceState.DELETING && i.getState() != InstanceState.DELETED)
                .filter(i -> i.getExperiments().stream().anyMatch(e -> e.getId().equals(experiment.getId())))
                .sorted(Comparator.comparing(Instance::getCreatedAt).reversed())
                .map(i -> new OpenTarget.RunningInstance(i.getUid(), i.getName(), i.getState().name())).toList();
        return new OpenTarget(given, source, title, experiment.getProposal().getId(), experiment.getId(), others,
                datasetPid, sourceFolder, folder, note, running);
    }

    private List<Experiment> allowed(CurrentUser user, String proposalId) {
        return experiments.findByProposal(proposalId).stream().filter(e -> mayUse(user, e)).toList();
    }

    private boolean mayUse(CurrentUser user, Experiment experiment) {
        Set<String> ids = Set.of(experiment.getId());
        return access.mayLaunchFor(user, ids, experiments.findMemberExperimentIds(user.id(), ids));
    }

    private static AccessDeniedException notOnProposal(String proposalId, String what) {
        return new AccessDeniedException("You are not on any experiment of proposal " + proposalId + ", so you cannot "
                + "analyse " + what + " here. Ask the proposal's principal investigator to add you in the user office.");
    }

    private static String title(Experiment experiment) {
        return experiment.getTitle() != null ? experiment.getTitle() : experiment.getProposal().getTitle();
    }

    /** {@code doi:10.x/y}, {@code https://doi.org/10.x/y} → {@code 10.x/y}. */
    static String doi(String given) {
        String doi = given;
        for (String prefix : List.of("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:")) {
            if (doi.regionMatches(true, 0, prefix, 0, prefix.length())) {
                doi = doi.substring(prefix.length());
            }
        }
        return doi;
    }

    /** A catalogue's folder is only used as a clean absolute path. */
    private static String cleanFolder(String folder) {
        try {
            return PathRule.normaliseRoot(folder);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
