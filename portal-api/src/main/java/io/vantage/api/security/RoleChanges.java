package io.vantage.api.security;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.vantage.domain.user.ProviderRolesChanged;

/**
 * Says that a person's roles changed: every replica's open connections and caches re-check them (through an
 * {@link AccessChange}), and this replica forgets what it remembers as soon as the change commits, so the very
 * next request here sees it even before the notification comes back. Call it in the transaction that makes the
 * change.
 */
@Component
public class RoleChanges {

    private final AccessChanges accessChanges;
    private final EffectiveRoles roles;

    RoleChanges(AccessChanges accessChanges, EffectiveRoles roles) {
        this.accessChanges = accessChanges;
        this.roles = roles;
    }

    public void changed(String userId, String reason) {
        accessChanges.publish(AccessChange.person(userId, reason));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    roles.forget(userId);
                }
            });
        } else {
            roles.forget(userId);
        }
    }

    /** A login or token brought other roles from the identity provider than those recorded. */
    @EventListener
    void providerRolesChanged(ProviderRolesChanged event) {
        changed(event.userId(), "Your roles at the identity provider changed.");
    }
}
