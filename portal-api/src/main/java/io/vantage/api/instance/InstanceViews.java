package io.vantage.api.instance;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.vantage.api.cloud.ProviderRegistry;
import io.vantage.api.security.AccessPolicy;
import io.vantage.api.security.CurrentUser;
import io.vantage.cloud.api.Capability;
import io.vantage.domain.catalogue.Flavour;
import io.vantage.domain.catalogue.Image;
import io.vantage.domain.catalogue.Protocol;
import io.vantage.domain.instance.CommandState;
import io.vantage.domain.instance.CommandType;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceCommand;
import io.vantage.domain.instance.InstanceCommandRepository;
import io.vantage.domain.instance.InstanceExpiration;
import io.vantage.domain.proposal.Experiment;
import io.vantage.domain.user.User;

/** Builds views of instances for one viewer. Call inside a transaction (experiments load lazily). */
@Component
public class InstanceViews {

    private final AccessPolicy access;
    private final ProviderRegistry providers;
    private final InstanceCommandRepository commands;

    InstanceViews(AccessPolicy access, ProviderRegistry providers, InstanceCommandRepository commands) {
        this.access = access;
        this.providers = providers;
        this.commands = commands;
    }

    public InstanceView of(Instance instance, CurrentUser viewer, Optional<InstanceExpiration> expiration) {
        Image image = instance.getPlan().getImage();
        Flavour flavour = instance.getPlan().getFlavour();
        User owner = instance.owner();
        Long providerId = instance.getProvider().getId();
        return new InstanceView(instance.getUid(), instance.getName(), instance.getComments(), instance.getState().name(),
                instance.getStateReason(), new InstanceView.Person(owner.getId(), owner.getFullName()),
                instance.roleOf(viewer.id()).map(Enum::name).orElse(null),
                new InstanceView.Environment(image.getId(), image.getName(), image.getVersion(), image.getIcon(),
                        image.getProtocols().stream().map(Protocol::getName).sorted().toList(),
                        image.primaryProtocol().map(Protocol::getName).orElse(null)),
                new InstanceView.Size(flavour.getId(), flavour.getName(), flavour.getCpu(), flavour.getMemoryMib(),
                        flavour.getGpu()),
                instance.getExperiments().stream().map(Experiment::getId).sorted(Comparator.naturalOrder()).toList(),
                instance.getScreen().toString(), instance.getKeyboardLayout(), instance.getCreatedAt(),
                instance.getActivatedAt(), instance.getLastInteractionAt(), instance.getTerminationDate(),
                expiration.map(e -> new InstanceView.Expiry(e.getReason().name(), e.getExpiresAt())).orElse(null),
                new InstanceView.Actions(access.canConnect(viewer, instance), access.canControl(viewer, instance),
                        access.canDelete(viewer, instance), access.canManageMembers(viewer, instance),
                        providers.supports(providerId, Capability.STOP_START),
                        providers.supports(providerId, Capability.REBOOT)), timeLimitProblem(instance));
    }

    /** The refusal of the last time limit the cloud was asked to move, unless a later one was moved. */
    private String timeLimitProblem(Instance instance) {
        if (!providers.capabilities(instance.getProvider().getId()).contains(Capability.TIME_LIMIT)) {
            return null;
        }
        return commands.findFirstByInstanceIdAndTypeAndStateInOrderByIdDesc(instance.getId(), CommandType.TIME_LIMIT,
                        List.of(CommandState.SUCCEEDED, CommandState.FAILED))
                .filter(command -> command.getState() == CommandState.FAILED).map(InstanceCommand::getMessage)
                .orElse(null);
    }
}
