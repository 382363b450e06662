package io.vantage.api.command;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.vantage.cloud.api.Capability;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudTransientException;
import io.vantage.cloud.api.DataAttachment;
import io.vantage.cloud.api.HandOver;
import io.vantage.cloud.api.HandOverRequest;
import io.vantage.cloud.api.PoolSecrets;

/**
 * Carries out a HANDOVER command: the machine a launch took from a pool is given its owner's settings through the
 * provider. Safe to repeat: a hand-over already confirmed has forgotten its pool secret and is done; a provider asked
 * the same request twice (a lost answer) only confirms.
 */
@Component
class HandOvers {

    private final CommandOutcomes outcomes;

    HandOvers(CommandOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    void handOver(CommandContext command, CloudProvider provider) {
        if (command.poolSecret() == null || command.poolNonce() == null) {
            outcomes.succeeded(command.commandId(), "Already handed over");
            return;
        }
        if (!PoolSecrets.ownerSecret(command.poolSecret(), command.poolNonce()).equals(command.metadata().secret())) {
            throw new CloudPermanentException("the owner's secret does not derive from the pool secret");
        }
        HandOver handOver = provider.handOver().filter(h -> provider.capabilities().contains(Capability.POOL))
                .orElseThrow(() -> new CloudPermanentException("cloud provider '" + provider.name() + "' cannot hand "
                        + "a running machine over"));
        CloudInstance machine = machine(command, provider);
        String data = giveData(command, provider, machine);
        handOver.handOver(machine, new HandOverRequest(command.instanceName(), command.metadata(),
                command.poolSecret(), command.poolNonce()));
        outcomes.handedOver(command.commandId(), command.instanceId(), machine.address().orElse(null),
                "Handed over machine " + machine.computeId() + data);
    }

    /**
     * The owner's data folders, given before the hand-over: it starts the desktop or notebook afresh, so they run
     * with them. A cloud that cannot change a machine's data hands it over without: the outcome says so.
     */
    private static String giveData(CommandContext command, CloudProvider provider, CloudInstance machine) {
        CommandExecutor.requireData(command);
        if (command.dataMounts().isEmpty()) {
            return "";
        }
        DataAttachment attached = provider.compute().applyDataMounts(machine.computeId(), command.dataMounts());
        return attached == DataAttachment.UNSUPPORTED ? " without its experiments' data folders: this cloud cannot "
                + "give a prepared machine data (launch again when no pool machine is ready)" : "";
    }

    private static CloudInstance machine(CommandContext command, CloudProvider provider) {
        Optional<CloudInstance> found = command.computeId() == null ? Optional.empty()
                : provider.compute().get(command.computeId());
        CloudInstance machine = found.orElseThrow(() -> new CloudPermanentException(
                "the prepared machine no longer exists in the cloud"));
        return switch (machine.state()) {
            case RUNNING -> machine;
            case ERROR, STOPPED, STOPPING, DELETING, DELETED -> throw new CloudPermanentException(
                    "the prepared machine is " + machine.state().name().toLowerCase()
                            + (machine.fault() == null ? "" : " (" + machine.fault() + ")"));
            default -> throw new CloudTransientException("the prepared machine is "
                    + machine.state().name().toLowerCase() + "; waiting for it to run");
        };
    }
}
