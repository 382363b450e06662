package io.vantage.api.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.cloud.DeploymentId;
import io.vantage.cloud.api.InstanceMetadata;
import io.vantage.domain.cloud.SecurityGroup;
import io.vantage.domain.cloud.SecurityGroupRepository;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceCommand;
import io.vantage.domain.instance.InstanceCommandRepository;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.proposal.Experiment;
import io.vantage.domain.proposal.Proposal;
import io.vantage.domain.user.Role;
import io.vantage.domain.user.RoleRepository;
import io.vantage.domain.user.User;

@Component
class CommandContexts {

    private final InstanceCommandRepository commands;
    private final InstanceRepository instances;
    private final SecurityGroupRepository securityGroups;
    private final RoleRepository roles;
    private final DeploymentId deploymentId;

    CommandContexts(InstanceCommandRepository commands, InstanceRepository instances,
                    SecurityGroupRepository securityGroups, RoleRepository roles, DeploymentId deploymentId) {
        this.commands = commands;
        this.instances = instances;
        this.securityGroups = securityGroups;
        this.roles = roles;
        this.deploymentId = deploymentId;
    }

    @Transactional(readOnly = true)
    Optional<CommandContext> load(Long commandId) {
        InstanceCommand command = commands.findById(commandId).orElse(null);
        if (command == null) {
            return Optional.empty();
        }
        Instance instance = instances.findById(command.getInstanceId()).orElseThrow();
        User owner = instance.owner();
        List<String> experimentIds = instance.getExperiments().stream().map(Experiment::getId).sorted().toList();
        // a batch cluster may charge the job to the proposal (the Slurm provider's account-from-proposal)
        List<String> proposalIds = instance.getExperiments().stream().map(Experiment::getProposal)
                .filter(Objects::nonNull).map(Proposal::getId).distinct().sorted().toList();
        InstanceMetadata metadata = new InstanceMetadata(deploymentId.value(), instance.getUid(), owner.getId(),
                experimentIds, instance.getScreen().width(), instance.getScreen().height(),
                instance.getKeyboardLayout(), instance.getAccessSecret(), proposalIds);
        return Optional.of(new CommandContext(command.getId(), command.getType(), command.getAttempts(),
                instance.getId(), instance.getUid(), "vantage-" + instance.getUid(), instance.getComputeId(),
                instance.getProvider().getId(), instance.getPlan().getImage().getProviderImageId(),
                instance.getPlan().getFlavour().getProviderFlavourId(), securityGroupsFor(instance, owner),
                metadata, instance.getPlan().getImage().getBootScript(), instance.isDeleteRequested(),
                instance.getTerminationDate()));
    }

    private List<String> securityGroupsFor(Instance instance, User owner) {
        List<Long> roleIds = roles.findByNameIn(owner.activeRoleNames(java.time.Instant.now())).stream()
                .map(Role::getId).toList();
        List<String> instrumentIds = instance.getExperiments().stream().map(e -> e.getInstrument().getId()).toList();
        Long flavourId = instance.getPlan().getFlavour().getId();
        return securityGroups.findByProvider(instance.getProvider().getId()).stream()
                .filter(group -> group.appliesTo(roleIds, instrumentIds, flavourId))
                .map(SecurityGroup::getName).toList();
    }
}
