package io.vantage.api.catalogue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.launch.Usage;
import io.vantage.api.launch.UsageRepository;
import io.vantage.api.launch.UserPolicies;
import io.vantage.api.launch.UserPolicy;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.catalogue.Flavour;
import io.vantage.domain.catalogue.Image;
import io.vantage.domain.catalogue.Plan;
import io.vantage.domain.catalogue.PlanRepository;
import io.vantage.domain.catalogue.Protocol;
import io.vantage.domain.proposal.ExperimentRepository;
import io.vantage.domain.user.Role;
import io.vantage.domain.user.RoleRepository;
import io.vantage.domain.user.User;
import io.vantage.domain.user.UserRepository;

/** What a person can choose from when launching: their experiments, the plans open to them, their quota. */
@Service
public class CatalogueService {

    private final ExperimentRepository experiments;
    private final PlanRepository plans;
    private final RoleRepository roles;
    private final UserRepository users;
    private final UserPolicies policies;
    private final UsageRepository usage;

    CatalogueService(ExperimentRepository experiments, PlanRepository plans, RoleRepository roles, UserRepository users,
                     UserPolicies policies, UsageRepository usage) {
        this.experiments = experiments;
        this.plans = plans;
        this.roles = roles;
        this.users = users;
        this.policies = policies;
        this.usage = usage;
    }

    @Transactional(readOnly = true)
    public Page<ExperimentView> experiments(CurrentUser user, String search, Integer year, String instrumentId,
                                            int page, int size) {
        var from = year == null ? null : LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        var until = year == null ? null : LocalDate.of(year + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
        String term = search == null || search.isBlank() ? null : search.strip();
        return experiments.findForUser(user.id(), blankToNull(instrumentId), from, until, term,
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 100))).map(ExperimentView::of);
    }

    /** Every launchable plan, marked available or not for these experiments, with the reason when not. */
    @Transactional(readOnly = true)
    public List<PlanOption> plans(CurrentUser user, List<String> experimentIds) {
        List<Long> roleIds = roles.findByNameIn(user.roles()).stream().map(Role::getId).toList();
        List<String> instrumentIds = experimentIds.isEmpty() ? List.of()
                : experiments.findAllWithInstrument(experimentIds).stream().map(e -> e.getInstrument().getId())
                .distinct().toList();
        QuotaView quota = quota(user);
        return plans.findLaunchable().stream().map(plan -> option(plan, roleIds, instrumentIds, quota)).toList();
    }

    @Transactional(readOnly = true)
    public QuotaView quota(CurrentUser user) {
        User person = users.findById(user.id()).orElseThrow();
        UserPolicy policy = policies.forUser(person, user.roles());
        Usage used = usage.ofOwner(user.id());
        return QuotaView.of(policy.quota(), used, policy.lifetime(), policy.inactivity());
    }

    private static PlanOption option(Plan plan, List<Long> roleIds, List<String> instrumentIds, QuotaView quota) {
        Image image = plan.getImage();
        Flavour flavour = plan.getFlavour();
        String reason = null;
        if (!flavour.isAvailableTo(roleIds, instrumentIds)) {
            reason = "Reserved for some roles or instruments";
        } else if (quota.usage().instances() + 1 > quota.quota().instances()) {
            reason = "You already run " + quota.usage().instances() + " of your " + quota.quota().instances()
                    + " instances";
        } else if (quota.usage().vcpu() + flavour.getCpu() > quota.quota().vcpu()) {
            reason = "Needs " + flavour.getCpu() + " CPUs; " + (quota.quota().vcpu() - quota.usage().vcpu())
                    + " left in your quota";
        } else if (quota.usage().memoryMib() + flavour.getMemoryMib() > quota.quota().memoryMib()) {
            reason = "Needs " + flavour.getMemoryMib() / 1024 + " GiB of memory; "
                    + (quota.quota().memoryMib() - quota.usage().memoryMib()) / 1024 + " GiB left in your quota";
        } else if (flavour.getGpu() > 0 && quota.usage().gpu() + flavour.getGpu() > quota.quota().gpu()) {
            reason = "Needs " + flavour.getGpu() + " GPUs; your quota allows " + quota.quota().gpu();
        }
        return new PlanOption(plan.getId(), image.getId(), image.getName(), image.getVersion(), image.getDescription(),
                image.getIcon(), image.getProtocols().stream().map(Protocol::getName).sorted().toList(),
                flavour.getId(), flavour.getName(), flavour.getCpu(), flavour.getMemoryMib(), flavour.getGpu(),
                plan.isPreset(), reason == null, reason);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

}
