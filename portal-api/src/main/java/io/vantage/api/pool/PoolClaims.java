package io.vantage.api.pool;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.cloud.MachineSecurityGroups;
import io.vantage.domain.catalogue.Plan;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.pool.PlanPoolRepository;
import io.vantage.domain.proposal.Experiment;
import io.vantage.domain.user.User;

/**
 * What a launch asks of the pools: a ready machine of its plan, if one matches. A pool machine was made with the
 * security groups of nobody in particular, so a launch whose owner or experiments would get other groups builds its
 * own machine instead.
 */
@Component
public class PoolClaims {

    private final PlanPoolRepository pools;
    private final InstanceRepository instances;
    private final PoolRepository queries;
    private final PoolSupport support;
    private final MachineSecurityGroups groups;
    private final PoolKeeper keeper;
    private final PoolProperties properties;

    PoolClaims(PlanPoolRepository pools, InstanceRepository instances, PoolRepository queries, PoolSupport support,
               MachineSecurityGroups groups, PoolKeeper keeper, PoolProperties properties) {
        this.pools = pools;
        this.instances = instances;
        this.queries = queries;
        this.support = support;
        this.groups = groups;
        this.keeper = keeper;
        this.properties = properties;
    }

    /**
     * The ready pool machine this launch takes, locked until the launch's transaction ends (so no other launch can
     * take it), or empty: build one. The caller hands it over in the same transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Instance> take(Plan plan, User owner, Collection<Experiment> experiments) {
        Long providerId = plan.getImage().getProvider().getId();
        if (!properties.enabled() || !pools.existsById(plan.getId()) || support.whyNotOn(providerId).isPresent()) {
            return Optional.empty();
        }
        List<String> instruments = experiments.stream().map(e -> e.getInstrument().getId()).distinct().toList();
        Long flavourId = plan.getFlavour().getId();
        if (!groups.of(providerId, flavourId, owner, instruments).equals(groups.of(providerId, flavourId, null,
                List.of()))) {
            return Optional.empty();
        }
        return queries.claimReady(plan.getId()).flatMap(instances::findById);
    }

    /** After a launch took one of its machines: the pool is refilled once the launch commits. */
    public void refillSoon(Long planId) {
        keeper.nudge(planId);
    }
}
