package io.vantage.api.user;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.admin.AdminAudit;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.launch.LifecycleProperties;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.user.Quota;
import io.vantage.domain.user.Role;
import io.vantage.domain.user.RolePolicy;
import io.vantage.domain.user.RolePolicyRepository;
import io.vantage.domain.user.RoleRepository;

/**
 * Quota and lifetimes per role, as {@link io.vantage.api.launch.UserPolicies} applies them: an admin's policy,
 * else the configured one for the role, else the configured defaults.
 */
@Service
public class RolePolicyAdmin {

    /** Ten years: longer is a typo, and minutes must fit the database's integer. */
    public static final int MAX_MINUTES = 5_256_000;

    private final RoleRepository roles;
    private final RolePolicyRepository policies;
    private final LifecycleProperties lifecycle;
    private final AdminAudit audit;

    RolePolicyAdmin(RoleRepository roles, RolePolicyRepository policies, LifecycleProperties lifecycle,
                    AdminAudit audit) {
        this.roles = roles;
        this.policies = policies;
        this.lifecycle = lifecycle;
        this.audit = audit;
    }

    public record PolicyRequest(@NotNull @PositiveOrZero Integer instances,
                         @NotNull @PositiveOrZero Integer vcpu,
                         @NotNull @PositiveOrZero Integer memoryMib,
                         @NotNull @PositiveOrZero Integer gpu,
                         @NotNull @Positive @Max(MAX_MINUTES) Integer lifetimeMinutes,
                         @NotNull @Positive @Max(MAX_MINUTES) Integer inactivityMinutes) {
    }

    @Transactional(readOnly = true)
    public List<RoleView> list() {
        Map<Long, RolePolicy> stored = policies.findAllWithRole().stream()
                .collect(Collectors.toMap(p -> p.getRole().getId(), Function.identity()));
        return roles.findAllByOrderByName().stream()
                .map(role -> view(role, Optional.ofNullable(stored.get(role.getId())))).toList();
    }

    @Transactional(readOnly = true)
    public RoleView get(String name) {
        Role role = find(name);
        return view(role, policies.findById(role.getId()));
    }

    @Transactional
    public RoleView set(CurrentUser actor, String name, PolicyRequest request) {
        Role role = find(name);
        Quota quota = new Quota(request.instances(), request.vcpu(), request.memoryMib(), request.gpu());
        Duration lifetime = Duration.ofMinutes(request.lifetimeMinutes());
        Duration inactivity = Duration.ofMinutes(request.inactivityMinutes());
        RolePolicy policy = policies.findById(role.getId()).orElse(null);
        if (policy == null) {
            policy = policies.save(new RolePolicy(role, quota, lifetime, inactivity));
        } else {
            policy.update(quota, lifetime, inactivity);
        }
        audit.success(actor, "admin.role.policy.set", "role", role.getName(), quota + ", lifetime " + lifetime
                + ", inactivity " + inactivity);
        return view(role, Optional.of(policy));
    }

    /** Drops the admin's policy: the role falls back to the configured one. */
    @Transactional
    public RoleView reset(CurrentUser actor, String name) {
        Role role = find(name);
        policies.findById(role.getId()).ifPresent(policies::delete);
        audit.success(actor, "admin.role.policy.reset", "role", role.getName(), null);
        return view(role, Optional.empty());
    }

    private RoleView view(Role role, Optional<RolePolicy> stored) {
        RoleView.Policy policy = stored.map(p -> RoleView.Policy.of(p.quota(), p.lifetime(), p.inactivity(), "DATABASE"))
                .orElseGet(() -> configured(role.getName()));
        return RoleView.of(role, roles.countHolders(role.getId()), policy);
    }

    private RoleView.Policy configured(String roleName) {
        LifecycleProperties.Policy configured = lifecycle.roles().get(roleName);
        LifecycleProperties.Policy applied = configured == null ? lifecycle.defaults() : configured;
        return RoleView.Policy.of(applied.quota(), applied.lifetime(), applied.inactivity(),
                configured == null ? "DEFAULT" : "CONFIGURATION");
    }

    Role find(String name) {
        return roles.findByName(name).orElseThrow(() -> new NotFoundException("role", name));
    }
}
