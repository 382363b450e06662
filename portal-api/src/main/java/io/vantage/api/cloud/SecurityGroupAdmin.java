package io.vantage.api.cloud;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.api.audit.AdminAudit;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.CurrentUser;
import io.vantage.api.support.Targets;
import io.vantage.domain.catalogue.FlavourRepository;
import io.vantage.domain.cloud.CloudProviderRecord;
import io.vantage.domain.cloud.CloudProviderRecordRepository;
import io.vantage.domain.cloud.RuleTarget;
import io.vantage.domain.cloud.SecurityGroup;
import io.vantage.domain.cloud.SecurityGroupRepository;
import io.vantage.domain.user.Role;
import io.vantage.domain.user.RoleRepository;

/** Security groups the portal attaches to new instances, for everyone or by role, instrument or flavour. */
@Service
public class SecurityGroupAdmin {

    private final SecurityGroupRepository groups;
    private final CloudProviderRecordRepository providers;
    private final FlavourRepository flavours;
    private final RoleRepository roles;
    private final ProviderRegistry registry;
    private final Targets targets;
    private final AdminAudit audit;
    private final TransactionTemplate tx;
    private final CloudCalls calls;

    SecurityGroupAdmin(SecurityGroupRepository groups, CloudProviderRecordRepository providers,
                       FlavourRepository flavours, RoleRepository roles, ProviderRegistry registry, Targets targets,
                       AdminAudit audit, TransactionTemplate tx, CloudCalls calls) {
        this.groups = groups;
        this.providers = providers;
        this.flavours = flavours;
        this.roles = roles;
        this.registry = registry;
        this.targets = targets;
        this.audit = audit;
        this.tx = tx;
        this.calls = calls;
    }

    public record NewSecurityGroup(@NotBlank @Size(max = 255) String name, Boolean defaultForAll) {
    }

    record DefaultChange(@NotNull Boolean defaultForAll) {
    }

    public record NewRule(@NotNull @Pattern(regexp = "ROLE|INSTRUMENT|FLAVOUR", message = "must be ROLE, INSTRUMENT or FLAVOUR")
                   String target, String roleName, String instrumentId, Long flavourId) {
    }

    @Transactional(readOnly = true)
    public List<SecurityGroupView> list(Long providerId) {
        provider(providerId);
        Map<Long, String> roleNames = roleNames();
        return groups.findByProvider(providerId).stream().map(g -> SecurityGroupView.of(g, roleNames, null)).toList();
    }

    public SecurityGroupView create(CurrentUser actor, Long providerId, NewSecurityGroup request) {
        CloudProviderRecord provider = provider(providerId);
        if (groups.existsByProviderIdAndName(providerId, request.name())) {
            throw new ConflictException(HttpStatus.CONFLICT, "Security group exists", "Cloud provider '"
                    + provider.getName() + "' already has security group '" + request.name() + "' in the portal.",
                    Map.of("field", "name"));
        }
        String warning = SecurityGroupCheck.verify(request.name(), () -> registry.require(providerId), calls)
                .orElse(null);
        return tx.execute(status -> {
            SecurityGroup group = groups.save(new SecurityGroup(request.name(),
                    providers.getReferenceById(providerId), Boolean.TRUE.equals(request.defaultForAll())));
            audit.success(actor, "admin.securitygroup.create", "security-group", group.getId(), group.getName()
                    + " on " + provider.getName() + (group.isDefaultForAll() ? ", for all instances" : ""));
            return SecurityGroupView.of(group, roleNames(), warning);
        });
    }

    @Transactional
    public SecurityGroupView setDefault(CurrentUser actor, Long id, boolean defaultForAll) {
        SecurityGroup group = find(id);
        group.applyToAll(defaultForAll);
        audit.success(actor, "admin.securitygroup.default", "security-group", id,
                defaultForAll ? "for all instances" : "by rules only");
        return SecurityGroupView.of(group, roleNames(), null);
    }

    @Transactional
    public SecurityGroupView addRule(CurrentUser actor, Long id, NewRule request) {
        SecurityGroup group = find(id);
        RuleTarget kind = RuleTarget.valueOf(request.target());
        Targets.Target target = switch (kind) {
            case ROLE -> targets.role("roleName", request.roleName());
            case INSTRUMENT -> targets.instrument("instrumentId", request.instrumentId());
            case FLAVOUR -> sameProviderFlavour(group, request.flavourId());
        };
        if (group.hasRule(kind, target.roleId(), target.instrumentId(), target.flavourId())) {
            throw new ConflictException(HttpStatus.CONFLICT, "Rule exists", "Security group '" + group.getName()
                    + "' already applies to " + target.label() + ".", Map.of("securityGroupId", id));
        }
        group.addRule(kind, target.roleId(), target.instrumentId(), target.flavourId());
        groups.saveAndFlush(group);
        audit.success(actor, "admin.securitygroup.rule.add", "security-group", id, target.label());
        return SecurityGroupView.of(group, roleNames(), null);
    }

    @Transactional
    public SecurityGroupView removeRule(CurrentUser actor, Long id, Long ruleId) {
        SecurityGroup group = find(id);
        if (!group.removeRule(ruleId)) {
            throw new NotFoundException("rule of security group " + id, ruleId);
        }
        audit.success(actor, "admin.securitygroup.rule.remove", "security-group", id, "rule " + ruleId);
        return SecurityGroupView.of(group, roleNames(), null);
    }

    /** Instances already running keep the group; new ones no longer get it. */
    @Transactional
    public void delete(CurrentUser actor, Long id) {
        SecurityGroup group = find(id);
        groups.delete(group);
        audit.success(actor, "admin.securitygroup.delete", "security-group", id, group.getName());
    }

    private Targets.Target sameProviderFlavour(SecurityGroup group, Long flavourId) {
        Targets.Target target = targets.flavour("flavourId", flavourId);
        Long flavourProvider = flavours.getReferenceById(flavourId).getProvider().getId();
        if (!flavourProvider.equals(group.getProvider().getId())) {
            throw new FieldException("flavourId", "flavour " + flavourId + " is on another cloud provider than "
                    + "security group '" + group.getName() + "'");
        }
        return target;
    }

    private CloudProviderRecord provider(Long providerId) {
        return providers.findById(providerId).orElseThrow(() -> new NotFoundException("cloud provider", providerId));
    }

    private SecurityGroup find(Long id) {
        return groups.findById(id).orElseThrow(() -> new NotFoundException("security group", id));
    }

    private Map<Long, String> roleNames() {
        return roles.findAll().stream().collect(Collectors.toMap(Role::getId, Role::getName));
    }
}
