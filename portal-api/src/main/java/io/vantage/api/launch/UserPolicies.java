package io.vantage.api.launch;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.domain.user.Quota;
import io.vantage.domain.user.RolePolicy;
import io.vantage.domain.user.RolePolicyRepository;
import io.vantage.domain.user.User;

/**
 * Works out a person's quota and instance lifetimes from their roles: an admin's policy for a role wins over the
 * configured one; across roles the most generous value of each kind applies; a per-user instance quota, when set,
 * replaces the number of instances.
 */
@Service
@EnableConfigurationProperties(LifecycleProperties.class)
public class UserPolicies {

    private final LifecycleProperties properties;
    private final RolePolicyRepository rolePolicies;

    UserPolicies(LifecycleProperties properties, RolePolicyRepository rolePolicies) {
        this.properties = properties;
        this.rolePolicies = rolePolicies;
    }

    @Transactional(readOnly = true)
    public UserPolicy forUser(User user, Collection<String> roles) {
        Map<String, RolePolicy> stored = rolePolicies.findByRoleNames(roles.isEmpty() ? java.util.List.of("-") : roles)
                .stream().collect(Collectors.toMap(p -> p.getRole().getName(), Function.identity()));
        LifecycleProperties.Policy base = properties.defaults();
        Quota quota = base.quota();
        Duration lifetime = base.lifetime();
        Duration inactivity = base.inactivity();
        for (String role : roles) {
            RolePolicy policy = stored.get(role);
            LifecycleProperties.Policy configured = properties.roles().get(role);
            if (policy != null) {
                quota = quota.max(policy.quota());
                lifetime = max(lifetime, policy.lifetime());
                inactivity = max(inactivity, policy.inactivity());
            } else if (configured != null) {
                quota = quota.max(configured.quota());
                lifetime = max(lifetime, configured.lifetime());
                inactivity = max(inactivity, configured.inactivity());
            }
        }
        if (user.getInstanceQuota() != null) {
            quota = quota.withInstances(user.getInstanceQuota());
        }
        return new UserPolicy(quota, lifetime, inactivity);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
