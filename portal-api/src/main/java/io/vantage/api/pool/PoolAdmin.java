package io.vantage.api.pool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.audit.AuditLog;
import io.vantage.domain.catalogue.Plan;
import io.vantage.domain.catalogue.PlanRepository;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.InstanceState;
import io.vantage.domain.pool.PlanPool;
import io.vantage.domain.pool.PlanPoolRepository;
import io.vantage.domain.pool.PoolSchedule;

/** Admins set a plan's pool; the keeper fills or drains it at once after the change commits. */
@Service
public class PoolAdmin {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private final PlanRepository plans;
    private final PlanPoolRepository pools;
    private final InstanceRepository instances;
    private final PoolSupport support;
    private final PoolKeeper keeper;
    private final PoolProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    PoolAdmin(PlanRepository plans, PlanPoolRepository pools, InstanceRepository instances, PoolSupport support,
              PoolKeeper keeper, PoolProperties properties, AuditLog audit, Clock clock) {
        this.plans = plans;
        this.pools = pools;
        this.instances = instances;
        this.support = support;
        this.keeper = keeper;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<PoolView> list() {
        return plans.findAllWithCatalogue().stream()
                .filter(plan -> !plan.isDeleted() || pools.existsById(plan.getId())
                        || !instances.findPoolMachines(plan.getId()).isEmpty())
                .map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public PoolView get(Long planId) {
        return view(plan(planId));
    }

    @Transactional
    public PoolView set(CurrentUser admin, Long planId, PoolRequest request) {
        Plan plan = plan(planId);
        Optional<String> unsupported = support.whyNot(plan);
        if (unsupported.isPresent() && request.size() > 0) {
            throw new ConflictException(HttpStatus.CONFLICT, "No pool for this plan", "This plan can have no pool: "
                    + unsupported.get() + ".", Map.of("planId", planId));
        }
        PoolSchedule schedule = schedule(request);
        Duration maxIdle = request.maxIdleMinutes() == null ? properties.maxIdle()
                : Duration.ofMinutes(request.maxIdleMinutes());
        PlanPool pool = pools.findById(planId).orElseGet(() -> new PlanPool(planId));
        pool.configure(request.size(), schedule, maxIdle, admin.id(), clock.instant());
        pools.save(pool);
        audit.success(admin.id(), "admin.pool.set", "plan", String.valueOf(planId), request.size()
                + " machines, " + schedule + ", idle at most " + maxIdle);
        keeper.nudge(planId);
        return view(plan);
    }

    @Transactional
    public void remove(CurrentUser admin, Long planId) {
        plan(planId);
        pools.findById(planId).ifPresent(pool -> {
            pools.delete(pool);
            audit.success(admin.id(), "admin.pool.remove", "plan", String.valueOf(planId), "its machines are deleted");
        });
        keeper.nudge(planId);
    }

    private static PoolSchedule schedule(PoolRequest request) {
        if ((request.from() == null) != (request.until() == null)) {
            throw new FieldException(request.from() == null ? "from" : "until",
                    "give both the start and the end of the daily window, or neither for all day");
        }
        if (request.from() != null && request.from().equals(request.until())) {
            throw new FieldException("until", "must differ from the start; leave both empty for all day");
        }
        Set<java.time.DayOfWeek> days = new HashSet<>();
        for (String day : request.days() == null ? List.<String>of() : request.days()) {
            try {
                days.add(PoolSchedule.day(day));
            } catch (IllegalArgumentException e) {
                throw new FieldException("days", e.getMessage());
            }
        }
        return new PoolSchedule(days, request.from() == null ? null : LocalTime.parse(request.from()),
                request.until() == null ? null : LocalTime.parse(request.until()));
    }

    private Plan plan(Long planId) {
        return plans.findById(planId).orElseThrow(() -> new NotFoundException("plan", planId));
    }

    private PoolView view(Plan plan) {
        Instant now = clock.instant();
        Optional<PlanPool> pool = pools.findById(plan.getId());
        List<Instance> machines = instances.findPoolMachines(plan.getId()).stream()
                .filter(m -> m.getState() != InstanceState.DELETING).toList();
        Optional<String> unsupported = support.whyNot(plan);
        PoolSchedule schedule = pool.map(PlanPool::schedule).orElse(PoolSchedule.ALWAYS);
        int target = pool.isEmpty() || unsupported.isPresent() || !properties.enabled() ? 0
                : pool.get().target(now.atZone(properties.zoneOrDefault()));
        int ready = (int) machines.stream().filter(m -> m.getState() == InstanceState.ACTIVE).count();
        int failed = (int) machines.stream().filter(m -> m.getState() == InstanceState.ERROR
                || m.getState() == InstanceState.UNKNOWN).count();
        return new PoolView(plan.getId(), plan.getImage().getName(), plan.getImage().getVersion(),
                plan.getFlavour().getName(), plan.getImage().getProvider().getName(), unsupported.orElse(null),
                pool.isPresent(), pool.map(PlanPool::getSize).orElse(0),
                schedule.days().stream().sorted().map(day -> day.name().substring(0, 3)).toList(),
                schedule.from() == null ? null : HOURS.format(schedule.from()),
                schedule.until() == null ? null : HOURS.format(schedule.until()), schedule.toString(),
                pool.map(p -> p.getMaxIdle().toMinutes()).orElse(properties.maxIdle().toMinutes()), target, ready,
                machines.size() - ready - failed,
                machines.stream().map(m -> PoolView.Machine.of(m.getUid(), m.getState().name(), m.getCreatedAt(), now))
                        .toList(),
                pool.map(PlanPool::getProblem).orElse(null), pool.map(PlanPool::getProblemAt).orElse(null),
                pool.map(PlanPool::getUpdatedAt).orElse(null));
    }
}
