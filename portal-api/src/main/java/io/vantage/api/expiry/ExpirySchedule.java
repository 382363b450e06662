package io.vantage.api.expiry;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.springframework.stereotype.Component;

import io.vantage.api.launch.LifecycleProperties;
import io.vantage.api.launch.UserPolicies;
import io.vantage.api.launch.UserPolicy;
import io.vantage.domain.instance.ExpirationReason;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceExpiration;
import io.vantage.domain.user.User;

/**
 * Keeps an instance's {@code instance_expirations} row true to its lifetime and activity.
 *
 * <p>Everything that changes the row first takes its row lock ({@link #lock}), then reads the instance. So the
 * expiry job and an extension never act on each other's stale view: the job cannot delete an instance with the
 * termination date from before an extension, nor clear a warning another replica just recorded.
 */
@Component
class ExpirySchedule {

    private final EntityManager entities;
    private final UserPolicies policies;
    private final WarningLeads leads;
    private final LifecycleProperties lifecycle;

    ExpirySchedule(EntityManager entities, UserPolicies policies, WarningLeads leads, LifecycleProperties lifecycle) {
        this.entities = entities;
        this.policies = policies;
        this.leads = leads;
        this.lifecycle = lifecycle;
    }

    /** Call inside a transaction, before the instance is read; null when the instance has no row yet. */
    InstanceExpiration lock(Long instanceId) {
        return entities.find(InstanceExpiration.class, instanceId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Locks the row, then reloads the instance so its state is the one committed after the lock. */
    Instance lockAndRefresh(Instance instance) {
        lock(instance.getId());
        entities.refresh(instance);
        return instance;
    }

    /** The owner's lifetime and inactivity rules, from the roles they hold now. */
    UserPolicy ownerPolicy(Instance instance, Instant now) {
        User owner = instance.owner();
        return policies.forUser(owner, owner.activeRoleNames(now));
    }

    PlannedDeletion plan(Instance instance, Instant now) {
        Duration inactivity = ownerPolicy(instance, now).inactivity();
        return PlannedDeletion.of(instance.getTerminationDate(), instance.getLastInteractionAt(),
                instance.getCreatedAt(), inactivity);
    }

    /** Recomputes and stores the planned deletion; a later date or another reason makes a new warning due. */
    InstanceExpiration reschedule(Instance instance, Instant now) {
        PlannedDeletion planned = plan(instance, now);
        InstanceExpiration expiration = entities.find(InstanceExpiration.class, instance.getId());
        if (expiration == null) {
            expiration = new InstanceExpiration(instance.getId(), planned.reason(), planned.at());
            entities.persist(expiration);
        } else {
            expiration.reschedule(planned.reason(), planned.at());
        }
        return expiration;
    }

    /** What one click gives: the owner's full lifetime from now, never more than {@code max-extension}. */
    Instant extensionUntil(Instance instance, Instant now) {
        Duration lifetime = ownerPolicy(instance, now).lifetime();
        return now.plus(lifetime.compareTo(lifecycle.maxExtension()) < 0 ? lifetime : lifecycle.maxExtension());
    }

    /** How long before a deletion of this kind of this instance people are warned (see {@link WarningLeads}). */
    Duration warningLead(Instance instance, ExpirationReason reason, Instant now) {
        User owner = instance.owner();
        java.util.Set<String> roles = owner.activeRoleNames(now);
        return leads.lead(instance, roles, reason, policies.forUser(owner, roles).inactivity());
    }
}
