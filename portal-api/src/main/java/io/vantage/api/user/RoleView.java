package io.vantage.api.user;

import java.time.Duration;

import io.vantage.domain.user.Quota;
import io.vantage.domain.user.Role;

/** A role (built-in or admin-made group) and the policy its holders get. */
public record RoleView(Long id, String name, String description, String kind, long holders, Policy policy) {

    /**
     * @param source {@code DATABASE} (set by an admin), {@code CONFIGURATION} ({@code vantage.lifecycle.roles.*})
     *               or {@code DEFAULT} ({@code vantage.lifecycle.defaults})
     */
    public record Policy(int instances, int vcpu, int memoryMib, int gpu, long lifetimeMinutes, long inactivityMinutes,
                  String source) {

        static Policy of(Quota quota, Duration lifetime, Duration inactivity, String source) {
            return new Policy(quota.instances(), quota.vcpu(), quota.memoryMib(), quota.gpu(), lifetime.toMinutes(),
                    inactivity.toMinutes(), source);
        }
    }

    static RoleView of(Role role, long holders, Policy policy) {
        return new RoleView(role.getId(), role.getName(), role.getDescription(), role.getKind().name(), holders,
                policy);
    }
}
