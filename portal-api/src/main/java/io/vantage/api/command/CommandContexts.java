package io.vantage.api.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.cloud.DeploymentId;
import io.vantage.api.cloud.MachineSecurityGroups;
import io.vantage.api.recipe.Recipes;
import io.vantage.cloud.api.DataMount;
import io.vantage.cloud.api.InstanceMetadata;
import io.vantage.domain.instance.CommandType;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceCommand;
import io.vantage.domain.instance.InstanceCommandRepository;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.proposal.Experiment;
import io.vantage.domain.proposal.Proposal;
import io.vantage.domain.user.User;

@Component
class CommandContexts {

    private final InstanceCommandRepository commands;
    private final InstanceRepository instances;
    private final MachineSecurityGroups securityGroups;
    private final DeploymentId deploymentId;
    private final MountPlanner data;
    private final Recipes recipes;

    CommandContexts(InstanceCommandRepository commands, InstanceRepository instances,
                    MachineSecurityGroups securityGroups, DeploymentId deploymentId, MountPlanner data,
                    Recipes recipes) {
        this.recipes = recipes;
        this.commands = commands;
        this.instances = instances;
        this.securityGroups = securityGroups;
        this.deploymentId = deploymentId;
        this.data = data;
    }

    /** A pool machine waiting for a launch has no owner: its metadata names none, which marks it as a pool's. */
    @Transactional(readOnly = true)
    Optional<CommandContext> load(Long commandId) {
        InstanceCommand command = commands.findById(commandId).orElse(null);
        if (command == null) {
            return Optional.empty();
        }
        Instance instance = instances.findById(command.getInstanceId()).orElseThrow();
        User owner = instance.getPool().isWaiting() ? null : instance.owner();
        List<String> experimentIds = instance.getExperiments().stream().map(Experiment::getId).sorted().toList();
        // a batch cluster may charge the job to the proposal (the Slurm provider's account-from-proposal)
        List<String> proposalIds = instance.getExperiments().stream().map(Experiment::getProposal)
                .filter(Objects::nonNull).map(Proposal::getId).distinct().sorted().toList();
        InstanceMetadata metadata = new InstanceMetadata(deploymentId.value(), instance.getUid(),
                owner == null ? null : owner.getId(), experimentIds, instance.getScreen().width(),
                instance.getScreen().height(), instance.getKeyboardLayout(), instance.getAccessSecret(),
                proposalIds, recipes.forMachine(instance.getId()));
        List<DataMount> mounts = List.of();
        String dataProblem = null;
        if (command.getType() == CommandType.CREATE || command.getType() == CommandType.ATTACH_DATA
                || command.getType() == CommandType.HANDOVER) {
            try {
                mounts = data.mounts(instance);
            } catch (IllegalArgumentException e) { // DataLocationException, or a folder no machine could take
                dataProblem = e.getMessage();
            }
        }
        List<String> instrumentIds = instance.getExperiments().stream().map(e -> e.getInstrument().getId()).toList();
        return Optional.of(new CommandContext(command.getId(), command.getType(), command.getAttempts(),
                instance.getId(), instance.getUid(), "vantage-" + instance.getUid(), instance.getName(),
                instance.getComputeId(), instance.getProvider().getId(),
                instance.getPlan().getImage().getProviderImageId(),
                instance.getPlan().getFlavour().getProviderFlavourId(),
                securityGroups.of(instance.getProvider().getId(), instance.getPlan().getFlavour().getId(), owner,
                        instrumentIds),
                metadata, instance.getPlan().getImage().getBootScript(), instance.isDeleteRequested(),
                instance.getPool().getPoolSecret(), instance.getPool().getPoolNonce(), instance.getTerminationDate(),
                mounts, dataProblem));
    }
}
