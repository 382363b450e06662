package io.vantage.api.data;

import java.util.List;
import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.command.CommandQueue;
import io.vantage.api.error.FieldException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.AccessPolicy;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.audit.AuditLog;
import io.vantage.domain.data.DataLocationException;
import io.vantage.domain.data.DataPlan;
import io.vantage.domain.instance.CommandType;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceCommandRepository;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.proposal.Experiment;
import io.vantage.domain.proposal.ExperimentRepository;

/**
 * The data folders of an instance, and adding an experiment to one that runs. Whose data an instance may show is
 * decided for its owner, whoever asks: an admin adding an experiment to someone's instance adds only one its owner
 * is on.
 */
@Service
public class InstanceData {

    private static final int MAX_EXPERIMENTS = 20; // as many as a launch may choose

    private final InstanceRepository instances;
    private final ExperimentRepository experiments;
    private final InstanceCommandRepository commands;
    private final CommandQueue queue;
    private final DataMountPlanner planner;
    private final AccessPolicy access;
    private final AuditLog audit;

    InstanceData(InstanceRepository instances, ExperimentRepository experiments, InstanceCommandRepository commands,
                 CommandQueue queue, DataMountPlanner planner, AccessPolicy access, AuditLog audit) {
        this.instances = instances;
        this.experiments = experiments;
        this.commands = commands;
        this.queue = queue;
        this.planner = planner;
        this.access = access;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public InstanceDataView of(CurrentUser user, String uid) {
        Instance instance = find(uid);
        access.requireMembership(user, instance);
        return view(user, instance);
    }

    /** Adds the experiment and has a worker give the machine its folders (202: the cloud is asked afterwards). */
    @Transactional
    public InstanceDataView addExperiment(CurrentUser user, String uid, String experimentId) {
        Instance instance = find(uid);
        access.requireDelete(user, instance);
        Experiment experiment = experiments.findAllWithInstrument(List.of(experimentId)).stream().findFirst()
                .orElseThrow(() -> new FieldException("experimentId", "unknown experiment " + experimentId));
        String ownerId = instance.owner().getId();
        boolean ownerOnIt = !experiments.findMemberExperimentIds(ownerId, Set.of(experimentId)).isEmpty();
        boolean allowed = user.id().equals(ownerId)
                ? access.mayLaunchFor(user, Set.of(experimentId), ownerOnIt ? Set.of(experimentId) : Set.of())
                : ownerOnIt;
        if (!allowed) {
            audit.denied(user.id(), "instance.experiment.add", "instance", uid, experimentId);
            throw new AccessDeniedException((user.id().equals(ownerId) ? "You are" : "The owner is") + " not on "
                    + "experiment " + experimentId + ", so this instance cannot show its data.");
        }
        if (instance.getExperiments().size() >= MAX_EXPERIMENTS) {
            throw new FieldException("experimentId", "an instance has at most " + MAX_EXPERIMENTS + " experiments");
        }
        if (instance.addExperiment(experiment)) {
            List<String> ids = instance.getExperiments().stream().map(Experiment::getId).toList();
            try {
                planner.plan(ids, instance.getProvider().getId(), instance.getId());
            } catch (DataLocationException e) {
                throw new FieldException("experimentId", e.getMessage());
            }
            instances.save(instance);
            queue.enqueue(instance.getId(), CommandType.ATTACH_DATA, user.id());
            audit.success(user.id(), "instance.experiment.add", "instance", uid, experimentId);
        }
        return view(user, instance);
    }

    private InstanceDataView view(CurrentUser user, Instance instance) {
        List<InstanceDataView.Folder> folders;
        List<String> notes;
        try {
            DataPlan plan = planner.plan(instance);
            folders = plan.folders().stream().map(f -> new InstanceDataView.Folder("~/data/" + f.target(),
                    f.kind().name(), f.readOnly(), f.experimentId(), f.proposalId(), f.datasetPid())).toList();
            notes = plan.notes();
        } catch (DataLocationException e) {
            folders = List.of();
            notes = List.of(e.getMessage());
        }
        boolean writable = access.connectionRole(user, instance).filter(role -> !AccessPolicy.watchesOnly(role)).isPresent();
        InstanceDataView.Change last = commands.findFirstByInstanceIdAndTypeOrderByIdDesc(instance.getId(),
                        CommandType.ATTACH_DATA)
                .map(c -> new InstanceDataView.Change(c.getState().name(), c.getMessage(), c.getCreatedAt()))
                .orElse(null);
        List<String> addable = List.of();
        if (access.canDelete(user, instance) && instance.owner().getId().equals(user.id())) {
            Set<String> present = instance.getExperiments().stream().map(Experiment::getId)
                    .collect(java.util.stream.Collectors.toSet());
            addable = experiments.findForUser(user.id(), null, null, null, null, PageRequest.of(0, 100)).stream()
                    .map(Experiment::getId).filter(id -> !present.contains(id)).toList();
        }
        return new InstanceDataView(folders, notes, writable, last, addable);
    }

    private Instance find(String uid) {
        return instances.findByUid(uid).orElseThrow(() -> new NotFoundException("instance", uid));
    }
}
