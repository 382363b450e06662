package io.vantage.api.catalogue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.api.admin.AdminAudit;
import io.vantage.api.admin.CloudLookup;
import io.vantage.api.admin.Targets;
import io.vantage.api.admin.Withdrawal;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.CurrentUser;
import io.vantage.cloud.api.CloudFlavour;
import io.vantage.domain.catalogue.Flavour;
import io.vantage.domain.catalogue.FlavourRepository;
import io.vantage.domain.catalogue.PlanRepository;
import io.vantage.domain.cloud.CloudProviderRecord;
import io.vantage.domain.cloud.CloudProviderRecordRepository;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.user.Role;
import io.vantage.domain.user.RoleRepository;

/** Registers, resizes and withdraws flavours. The cloud is asked outside any transaction (it may be slow). */
@Service
public class FlavourAdmin {

    private final FlavourRepository flavours;
    private final PlanRepository plans;
    private final InstanceRepository instances;
    private final RoleRepository roles;
    private final CloudProviderRecordRepository providers;
    private final CloudLookup cloud;
    private final Targets targets;
    private final AdminAudit audit;
    private final TransactionTemplate tx;

    FlavourAdmin(FlavourRepository flavours, PlanRepository plans, InstanceRepository instances, RoleRepository roles,
                 CloudProviderRecordRepository providers, CloudLookup cloud, Targets targets, AdminAudit audit,
                 TransactionTemplate tx) {
        this.flavours = flavours;
        this.plans = plans;
        this.instances = instances;
        this.roles = roles;
        this.providers = providers;
        this.cloud = cloud;
        this.targets = targets;
        this.audit = audit;
        this.tx = tx;
    }

    @Transactional(readOnly = true)
    public List<FlavourView> list(boolean includeDeleted) {
        Map<Long, String> roleNames = roleNames();
        return flavours.findAllByOrderByCpuAscMemoryMibAscNameAsc().stream()
                .filter(f -> includeDeleted || !f.isDeleted()).map(f -> FlavourView.of(f, roleNames, null)).toList();
    }

    @Transactional(readOnly = true)
    public FlavourView get(Long id) {
        return view(find(id), null);
    }

    public FlavourView create(CurrentUser actor, FlavourRequests.NewFlavour request) {
        CloudProviderRecord provider = providers.findById(request.providerId()).orElseThrow(
                () -> new FieldException("providerId", "no cloud provider with id " + request.providerId()));
        CloudLookup.Answer<CloudFlavour> offered = cloud.ask(provider.getId(), p -> p.catalogue().flavours());
        Optional<CloudFlavour> match = offered.items().stream()
                .filter(f -> f.id().equals(request.providerFlavourId())).findFirst();
        if (offered.answered() && match.isEmpty()) {
            throw new FieldException("providerFlavourId", "cloud provider '" + provider.getName()
                    + "' offers no flavour '" + request.providerFlavourId() + "'");
        }
        String warning = offered.answered() ? null
                : "Registered without checking the cloud, which did not answer: " + offered.problem();
        int cpu = size("cpu", request.cpu(), match.map(CloudFlavour::vcpus));
        int memoryMib = size("memoryMib", request.memoryMib(), match.map(CloudFlavour::memoryMib));
        int gpu = request.gpu() != null ? request.gpu() : match.map(CloudFlavour::gpus).orElse(0);
        return tx.execute(status -> {
            requireUniqueName(request.name(), null);
            Flavour flavour = new Flavour(request.name(), cpu, memoryMib, gpu,
                    providers.getReferenceById(provider.getId()), request.providerFlavourId());
            flavours.save(flavour);
            audit.success(actor, "admin.flavour.create", "flavour", flavour.getId(), flavour.getName() + " = "
                    + request.providerFlavourId() + " on " + provider.getName());
            return view(flavour, warning);
        });
    }

    @Transactional
    public FlavourView update(CurrentUser actor, Long id, FlavourRequests.FlavourChanges changes) {
        Flavour flavour = find(id);
        requireUniqueName(changes.name(), id);
        flavour.resize(changes.name(), changes.cpu(), changes.memoryMib(), changes.gpu());
        audit.success(actor, "admin.flavour.update", "flavour", id, changes.name() + ": " + changes.cpu() + " CPU, "
                + changes.memoryMib() + " MiB, " + changes.gpu() + " GPU");
        return view(flavour, null);
    }

    @Transactional
    public Withdrawal delete(CurrentUser actor, Long id) {
        Flavour flavour = find(id);
        flavour.delete();
        List<Long> withdrawn = plans.findByFlavourIdAndDeletedFalse(id).stream().map(plan -> {
            plan.delete();
            return plan.getId();
        }).toList();
        Withdrawal withdrawal = Withdrawal.of(id, "Flavour '" + flavour.getName() + "'",
                instances.countAliveWithFlavour(id), withdrawn);
        audit.success(actor, "admin.flavour.delete", "flavour", id, withdrawal.message());
        return withdrawal;
    }

    @Transactional
    public FlavourView addLimit(CurrentUser actor, Long id, FlavourRequests.NewLimit request) {
        Flavour flavour = find(id);
        Targets.Target target = targets.roleOrInstrument(request.roleName(), request.instrumentId());
        if (target.roleId() != null ? flavour.isLimitedToRole(target.roleId())
                : flavour.isLimitedToInstrument(target.instrumentId())) {
            throw new ConflictException(HttpStatus.CONFLICT, "Limit exists", "Flavour '" + flavour.getName()
                    + "' is already limited to " + target.label() + ".", Map.of("flavourId", id));
        }
        if (target.roleId() != null) {
            flavour.limitToRole(target.roleId());
        } else {
            flavour.limitToInstrument(target.instrumentId());
        }
        flavours.saveAndFlush(flavour);
        audit.success(actor, "admin.flavour.limit.add", "flavour", id, target.label());
        return view(flavour, null);
    }

    @Transactional
    public FlavourView removeLimit(CurrentUser actor, Long id, Long limitId) {
        Flavour flavour = find(id);
        if (!flavour.removeLimit(limitId)) {
            throw new NotFoundException("limit of flavour " + id, limitId);
        }
        audit.success(actor, "admin.flavour.limit.remove", "flavour", id, "limit " + limitId
                + (flavour.getLimits().isEmpty() ? "; the flavour is now open to everyone" : ""));
        return view(flavour, null);
    }

    private FlavourView view(Flavour flavour, String warning) {
        return FlavourView.of(flavour, roleNames(), warning);
    }

    private Map<Long, String> roleNames() {
        return roles.findAll().stream().collect(Collectors.toMap(Role::getId, Role::getName));
    }

    private Flavour find(Long id) {
        return flavours.findById(id).orElseThrow(() -> new NotFoundException("flavour", id));
    }

    private void requireUniqueName(String name, Long self) {
        flavours.findActiveByName(name).filter(other -> !other.getId().equals(self)).ifPresent(other -> {
            throw new ConflictException(HttpStatus.CONFLICT, "Name in use", "Flavour " + other.getId()
                    + " is already called '" + other.getName() + "'.",
                    Map.of("field", "name", "flavourId", other.getId()));
        });
    }

    private static int size(String field, Integer given, Optional<Integer> fromCloud) {
        if (given != null) {
            return given;
        }
        return fromCloud.filter(v -> v > 0).orElseThrow(() -> new FieldException(field,
                "is required: the cloud did not say it for this flavour"));
    }
}
