package io.vantage.api.launch;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import io.vantage.api.data.DataMountPlanner;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.security.AccessPolicy;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.catalogue.Flavour;
import io.vantage.domain.catalogue.Plan;
import io.vantage.domain.catalogue.PlanRepository;
import io.vantage.domain.data.DataLocationException;
import io.vantage.domain.proposal.Experiment;
import io.vantage.domain.proposal.ExperimentRepository;
import io.vantage.domain.user.Role;
import io.vantage.domain.user.RoleRepository;
import io.vantage.domain.user.User;
import io.vantage.domain.user.UserRepository;

/**
 * The rules a launch must pass, each failing with what went wrong and what the person can do: a known plan, their
 * own experiments, a size allowed for their roles and instruments, and room in their quota.
 */
@Component
class LaunchCheck {

    private final PlanRepository plans;
    private final ExperimentRepository experiments;
    private final RoleRepository roles;
    private final UserRepository users;
    private final UserPolicies policies;
    private final UsageRepository usage;
    private final AccessPolicy access;
    private final DataMountPlanner data;

    LaunchCheck(PlanRepository plans, ExperimentRepository experiments, RoleRepository roles, UserRepository users,
                UserPolicies policies, UsageRepository usage, AccessPolicy access, DataMountPlanner data) {
        this.data = data;
        this.plans = plans;
        this.experiments = experiments;
        this.roles = roles;
        this.users = users;
        this.policies = policies;
        this.usage = usage;
        this.access = access;
    }

    /** Everything a launch was checked against; only valid inside the transaction that produced it. */
    record Checked(User user, Plan plan, List<Experiment> experiments, UserPolicy policy) {
    }

    Checked check(CurrentUser current, LaunchRequest request) {
        if (request.keyboardLayout() != null && !KeyboardLayouts.isKnown(request.keyboardLayout())) {
            throw new FieldException("keyboardLayout", "unknown keyboard layout '" + request.keyboardLayout()
                    + "'; use one of " + String.join(", ", KeyboardLayouts.ALL));
        }
        Plan plan = plans.findById(request.planId()).filter(LaunchCheck::isLaunchable)
                .orElseThrow(() -> new FieldException("planId", "no environment and size with id " + request.planId()
                        + " can be launched"));
        List<Experiment> chosen = experiments(current, request.experiments());
        try {
            data.plan(request.experiments(), plan.getImage().getProvider().getId(), null);
        } catch (DataLocationException e) {
            throw new FieldException("experimentIds", e.getMessage());
        }
        flavourAllowed(current, plan.getFlavour(), chosen);
        User user = users.findById(current.id()).orElseThrow(() -> new IllegalStateException("No user " + current.id()));
        UserPolicy policy = policies.forUser(user, current.roles());
        quotaLeft(policy, usage.ofOwner(user.getId()), plan.getFlavour(), user.getId());
        if (request.lifetimeHours() != null && policy.lifetime().toHours() < request.lifetimeHours()) {
            throw new FieldException("lifetimeHours", "at most " + policy.lifetime().toHours()
                    + " hours for you; leave it empty for the longest lifetime");
        }
        return new Checked(user, plan, chosen, policy);
    }

    private static boolean isLaunchable(Plan plan) {
        return !plan.isDeleted() && !plan.getImage().isDeleted() && plan.getImage().isVisible()
                && !plan.getFlavour().isDeleted();
    }

    private List<Experiment> experiments(CurrentUser current, List<String> ids) {
        List<Experiment> found = ids.isEmpty() ? List.of() : experiments.findAllWithInstrument(ids);
        if (found.size() < ids.size()) {
            Set<String> missing = new HashSet<>(ids);
            found.forEach(e -> missing.remove(e.getId()));
            throw new FieldException("experimentIds", "unknown experiment " + String.join(", ", missing));
        }
        List<String> memberOf = ids.isEmpty() ? List.of() : experiments.findMemberExperimentIds(current.id(), ids);
        if (!access.mayLaunchFor(current, ids, memberOf)) {
            if (ids.isEmpty()) {
                throw new FieldException("experimentIds", "choose at least one of your experiments");
            }
            Set<String> notMine = new HashSet<>(ids);
            memberOf.forEach(notMine::remove);
            throw new AccessDeniedException("You are not on experiment " + String.join(", ", notMine)
                    + "; you can only launch for experiments you take part in.");
        }
        return found;
    }

    private void flavourAllowed(CurrentUser current, Flavour flavour, List<Experiment> chosen) {
        List<Long> roleIds = roles.findByNameIn(current.roles()).stream().map(Role::getId).toList();
        List<String> instrumentIds = chosen.stream().map(e -> e.getInstrument().getId()).distinct().toList();
        if (!flavour.isAvailableTo(roleIds, instrumentIds)) {
            throw new ConflictException(HttpStatus.UNPROCESSABLE_ENTITY, "Size not available",
                    "The size '" + flavour.getName() + "' is reserved for some roles or instruments and not available "
                            + "to you for these experiments. Choose a smaller size.", Map.of("flavour", flavour.getName()));
        }
    }

    /** Says which part of the quota is used up and when room comes back; a smaller size only when it would help. */
    private void quotaLeft(UserPolicy policy, Usage used, Flavour flavour, String userId) {
        List<QuotaCheck.Exhausted> exhausted = QuotaCheck.exhausted(policy.quota(), used, flavour.getCpu(),
                flavour.getMemoryMib(), flavour.getGpu());
        if (!exhausted.isEmpty()) {
            boolean onlyCount = exhausted.stream().allMatch(e -> e.resource().equals("instances"));
            java.util.Optional<java.time.Instant> next = usage.nextPlannedDeletion(userId);
            Map<String, Object> details = new java.util.HashMap<>(Map.of("exhausted", exhausted,
                    "quota", policy.quota(), "usage", used));
            next.ifPresent(at -> details.put("roomExpectedBy", at));
            throw new ConflictException(HttpStatus.CONFLICT, "Quota exceeded",
                    "This launch would exceed your quota (" + String.join("; ",
                            exhausted.stream().map(QuotaCheck.Exhausted::sentence).toList())
                            + "). Delete an instance you no longer need" + (onlyCount ? "." : ", or choose a smaller size.")
                            + next.map(at -> " Otherwise room comes back when your next instance is deleted as planned, "
                            + CloudCapacity.inAbout(at) + " (" + at + ").").orElse(""),
                    details);
        }
    }
}
