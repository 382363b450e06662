package io.vantage.api.admin;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * What a soft delete did: the thing can no longer be chosen, plans offering it were withdrawn, and instances
 * already running with it keep running until they are deleted.
 */
@NamedInterface("console")
public record Withdrawal(Long id, long liveInstances, List<Long> plansWithdrawn, String message) {

    public static Withdrawal of(Long id, String what, long liveInstances, List<Long> plansWithdrawn) {
        String message = what + " can no longer be chosen for new instances"
                + (plansWithdrawn.isEmpty() ? "" : "; " + plansWithdrawn.size() + " plan(s) offering it were withdrawn")
                + (liveInstances == 0 ? "." : "; " + liveInstances
                        + " live instance(s) using it keep running until they are deleted.");
        return new Withdrawal(id, liveInstances, plansWithdrawn, message);
    }
}
