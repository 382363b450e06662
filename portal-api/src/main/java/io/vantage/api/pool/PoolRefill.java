package io.vantage.api.pool;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.command.CommandQueue;
import io.vantage.api.support.Tokens;
import io.vantage.domain.catalogue.Plan;
import io.vantage.domain.catalogue.PlanRepository;
import io.vantage.domain.instance.CommandType;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.InstanceState;
import io.vantage.domain.pool.PlanPool;
import io.vantage.domain.pool.PlanPoolRepository;

/**
 * Brings one plan's pool to what it should hold now: failed machines and those idle longer than the pool allows
 * are deleted, machines beyond the size (outside the schedule, a smaller size, a withdrawn plan, a cloud that lost
 * the capability: none) are deleted oldest first, and missing ones are made while the cloud has room. Runs under
 * the plan's row lock; machines go through the command queue.
 */
@Component
class PoolRefill {

    private static final Logger log = LoggerFactory.getLogger(PoolRefill.class);

    private final PlanRepository plans;
    private final PlanPoolRepository pools;
    private final InstanceRepository instances;
    private final PoolRepository queries;
    private final PoolSupport support;
    private final CommandQueue commands;
    private final PoolProperties properties;
    private final Clock clock;

    PoolRefill(PlanRepository plans, PlanPoolRepository pools, InstanceRepository instances, PoolRepository queries,
               PoolSupport support, CommandQueue commands, PoolProperties properties, Clock clock) {
        this.plans = plans;
        this.pools = pools;
        this.instances = instances;
        this.queries = queries;
        this.support = support;
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    void keep(Long planId) {
        queries.lockPlan(planId);
        Plan plan = plans.findById(planId).orElse(null);
        if (plan == null) {
            return;
        }
        Instant now = clock.instant();
        PlanPool pool = pools.findById(planId).orElse(null);
        Optional<String> unsupported = support.whyNot(plan);
        int target = pool == null || !properties.enabled() || unsupported.isPresent() ? 0
                : pool.target(now.atZone(properties.zoneOrDefault()));
        List<Instance> kept = new ArrayList<>();
        for (Instance machine : instances.findPoolMachines(planId)) {
            if (machine.getState() == InstanceState.DELETING) {
                continue;
            }
            if (machine.getState() == InstanceState.ERROR || machine.getState() == InstanceState.UNKNOWN) {
                if (pool != null) {
                    pool.failed("A pool machine failed: " + machine.getStateReason(), now);
                }
                delete(machine, "Pool machine failed: " + machine.getStateReason(), now);
            } else if (pool != null && machine.getCreatedAt().plus(pool.getMaxIdle()).isBefore(now)) {
                delete(machine, "Pool machine idle for longer than " + pool.getMaxIdle() + ": recycled", now);
            } else {
                kept.add(machine);
            }
        }
        for (Instance surplus : kept.subList(0, Math.max(0, kept.size() - target))) {
            delete(surplus, unsupported.map(why -> "Pool drained: " + why)
                    .orElse("Pool drained to " + target + " machines"), now);
        }
        int missing = target - kept.size();
        if (missing > 0) {
            fill(plan, pool, missing, now);
        } else if (pool != null && target > 0 && pool.getProblem() != null
                && !pool.waitsAfterFailure(now, properties.failureBackoff())) {
            pool.clearProblem();
        }
    }

    private void fill(Plan plan, PlanPool pool, int missing, Instant now) {
        if (pool.waitsAfterFailure(now, properties.failureBackoff())) {
            return;
        }
        for (int i = 0; i < missing; i++) {
            Optional<String> full = queries.noRoomFor(plan);
            if (full.isPresent()) {
                pool.problem("The cloud has no room for more pool machines: " + full.get(), now);
                return;
            }
            Instance machine = instances.save(Instance.forPool(newUid(), plan, Tokens.secret(24), now));
            commands.enqueue(machine.getId(), CommandType.CREATE, null);
            log.info("Pool of plan {}: making machine {}", plan.getId(), machine.getUid());
        }
    }

    private void delete(Instance machine, String reason, Instant now) {
        machine.retireFromPool(reason, now);
        instances.save(machine);
        commands.enqueue(machine.getId(), CommandType.DELETE, null);
        log.info("Pool of plan {}: deleting machine {}: {}", machine.getPlan().getId(), machine.getUid(), reason);
    }

    private String newUid() {
        String uid;
        do {
            uid = Tokens.uid();
        } while (instances.existsByUid(uid));
        return uid;
    }
}
