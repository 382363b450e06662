package io.vantage.api.pool;

import java.util.Optional;

import org.springframework.stereotype.Component;

import io.vantage.api.cloud.ProviderRegistry;
import io.vantage.cloud.api.Capability;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.domain.catalogue.Plan;

/** Whether a plan can have a pool now, and if not, why, as admins are told. */
@Component
class PoolSupport {

    private final ProviderRegistry providers;

    PoolSupport(ProviderRegistry providers) {
        this.providers = providers;
    }

    /** Empty when the plan's machines can be pooled: a launchable plan on a provider that can hand one over. */
    Optional<String> whyNot(Plan plan) {
        if (plan.isDeleted() || plan.getImage().isDeleted() || !plan.getImage().isVisible()
                || plan.getFlavour().isDeleted()) {
            return Optional.of("the plan cannot be launched (deleted, or its image hidden or deleted, or its "
                    + "flavour deleted)");
        }
        return whyNotOn(plan.getImage().getProvider().getId());
    }

    Optional<String> whyNotOn(Long providerId) {
        Optional<String> problem = providers.problem(providerId);
        if (problem.isPresent()) {
            return problem;
        }
        CloudProvider provider = providers.require(providerId);
        if (!provider.capabilities().contains(Capability.POOL) || provider.handOver().isEmpty()) {
            return Optional.of("cloud provider '" + provider.name() + "' (type " + provider.type() + ") cannot hand "
                    + "a running machine over to its owner, so its plans have no pools");
        }
        return Optional.empty();
    }
}
