package io.vantage.api.command;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import io.vantage.api.cloud.ProviderRegistry;
import io.vantage.cloud.api.Capability;
import io.vantage.domain.instance.CommandType;
import io.vantage.domain.instance.InstanceLifetimeChanged;

/**
 * Keeps a cloud's own end of a machine (a Slurm job's time limit) at the instance's end of life: after the machine
 * is created and whenever the lifetime moves (an extension, an admin's date), a TIME_LIMIT command is queued, which a
 * worker carries out ({@link TimeLimitWork}), never a request's thread.
 */
@Component
class TimeLimitCommands {

    private final CommandQueue queue;
    private final ProviderRegistry providers;

    TimeLimitCommands(CommandQueue queue, ProviderRegistry providers) {
        this.queue = queue;
        this.providers = providers;
    }

    /** In the transaction that moved the lifetime, so the command exists exactly when the new date does. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void lifetimeChanged(InstanceLifetimeChanged changed) {
        queueFor(changed.instanceId(), changed.providerId());
    }

    /** After a create, in its outcome's transaction: the job was submitted with the provider's own limit. */
    void queueFor(Long instanceId, Long providerId) {
        if (providers.capabilities(providerId).contains(Capability.TIME_LIMIT)) {
            queue.enqueue(instanceId, CommandType.TIME_LIMIT, null);
        }
    }
}
