package io.vantage.api.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.admin.AdminAudit;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.catalogue.Flavour;
import io.vantage.domain.catalogue.FlavourRepository;
import io.vantage.domain.cloud.SecurityGroup;
import io.vantage.domain.cloud.SecurityGroupRepository;
import io.vantage.domain.user.Role;
import io.vantage.domain.user.RoleKind;
import io.vantage.domain.user.RoleRepository;
import io.vantage.domain.user.SystemRole;

/** Groups are roles admins make, to reserve flavours and security groups for some people. */
@Service
public class GroupAdmin {

    private final RoleRepository roles;
    private final RolePolicyAdmin policies;
    private final FlavourRepository flavours;
    private final SecurityGroupRepository securityGroups;
    private final AdminAudit audit;

    GroupAdmin(RoleRepository roles, RolePolicyAdmin policies, FlavourRepository flavours,
               SecurityGroupRepository securityGroups, AdminAudit audit) {
        this.roles = roles;
        this.policies = policies;
        this.flavours = flavours;
        this.securityGroups = securityGroups;
        this.audit = audit;
    }

    public record NewGroup(@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}",
                            message = "must be 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit")
                    String name,
                    @Size(max = 255) String description) {
    }

    /** The group is gone; its holders lost it (and the policy set for it). */
    public record Removal(String name, long holdersRemoved) {
    }

    @Transactional
    public RoleView create(CurrentUser actor, NewGroup request) {
        if (SystemRole.isSystemRole(request.name())) {
            throw new FieldException("name", "'" + request.name() + "' is a built-in role");
        }
        roles.findByName(request.name()).ifPresent(existing -> {
            throw new ConflictException(HttpStatus.CONFLICT, "Name in use", "A role called '" + request.name()
                    + "' exists already.", Map.of("field", "name"));
        });
        Role group = roles.save(Role.group(request.name(), request.description()));
        audit.success(actor, "admin.group.create", "role", group.getName(), request.description());
        return policies.get(group.getName());
    }

    /**
     * Refused while flavour limits or security group rules name the group: dropping them silently would open a
     * reserved flavour to everyone, or change which instances get a security group.
     */
    @Transactional
    public Removal delete(CurrentUser actor, String name) {
        Role role = policies.find(name);
        if (role.getKind() != RoleKind.GROUP) {
            throw audit.refused(actor, "admin.group.delete", "role", name, new ConflictException(HttpStatus.CONFLICT,
                    "Built-in role", "'" + name + "' is a built-in role the portal's rules depend on; only groups "
                            + "made by admins can be deleted.", Map.of("role", name)));
        }
        List<String> uses = new ArrayList<>();
        flavours.findLimitedToRole(role.getId()).stream().map(Flavour::getName)
                .forEach(flavour -> uses.add("flavour '" + flavour + "'"));
        securityGroups.findWithRoleRule(role.getId()).stream().map(SecurityGroup::getName)
                .forEach(group -> uses.add("security group '" + group + "'"));
        if (!uses.isEmpty()) {
            throw audit.refused(actor, "admin.group.delete", "role", name, new ConflictException(HttpStatus.CONFLICT,
                    "Group in use", "Group '" + name + "' is named by " + String.join(", ", uses)
                            + "; remove those limits and rules first.", Map.of("usedBy", uses)));
        }
        long holders = roles.countHolders(role.getId());
        roles.delete(role);
        audit.success(actor, "admin.group.delete", "role", name, holders + " holder(s) lost the group");
        return new Removal(name, holders);
    }
}
