package io.vantage.api.cloud;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

import io.vantage.domain.cloud.SecurityGroup;
import io.vantage.domain.cloud.SecurityGroupRepository;
import io.vantage.domain.user.Role;
import io.vantage.domain.user.RoleRepository;
import io.vantage.domain.user.User;

/**
 * The security groups a machine is created with: those of its cloud that apply to all, or to one of the owner's
 * roles, the instruments of its experiments, or its flavour. A pool machine has no owner and no experiments yet, so
 * a launch takes one only when its own groups would be the same.
 */
@Component
public class MachineSecurityGroups {

    private final SecurityGroupRepository groups;
    private final RoleRepository roles;

    MachineSecurityGroups(SecurityGroupRepository groups, RoleRepository roles) {
        this.groups = groups;
        this.roles = roles;
    }

    /** @param owner null for a pool machine */
    public List<String> of(Long providerId, Long flavourId, User owner, Collection<String> instrumentIds) {
        List<Long> roleIds = owner == null ? List.of()
                : roles.findByNameIn(owner.activeRoleNames(Instant.now())).stream().map(Role::getId).toList();
        return groups.findByProvider(providerId).stream()
                .filter(group -> group.appliesTo(roleIds, instrumentIds, flavourId))
                .map(SecurityGroup::getName).sorted().toList();
    }
}
