package io.vantage.api.launch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import io.vantage.api.command.CommandQueue;
import io.vantage.api.data.OpenLinks;
import io.vantage.api.pool.PoolClaims;
import io.vantage.api.recipe.Recipes;
import io.vantage.api.security.CurrentUser;
import io.vantage.api.support.Tokens;
import io.vantage.cloud.api.PoolSecrets;
import io.vantage.domain.audit.AuditLog;
import io.vantage.domain.data.InstanceDataset;
import io.vantage.domain.data.InstanceDatasetRepository;
import io.vantage.domain.instance.CommandType;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.Screen;
import io.vantage.domain.user.UserRepository;

/**
 * Launches an instance: checks the rules and the room left on the cloud (from the database, never asking the cloud),
 * then records the instance in BUILDING with a CREATE command that a worker carries out.
 */
@Service
public class LaunchService {

    private static final Logger log = LoggerFactory.getLogger(LaunchService.class);

    private final LaunchCheck check;
    private final CloudCapacity capacity;
    private final InstanceRepository instances;
    private final UserRepository users;
    private final CommandQueue commands;
    private final PoolClaims pools;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OpenLinks links;
    private final InstanceDatasetRepository datasets;
    private final ApplicationEventPublisher events;
    private final Recipes recipes;

    LaunchService(LaunchCheck check, CloudCapacity capacity, InstanceRepository instances,
                  UserRepository users, CommandQueue commands, PoolClaims pools, AuditLog audit,
                  TransactionTemplate tx, Clock clock, OpenLinks links, InstanceDatasetRepository datasets,
                  Recipes recipes, ApplicationEventPublisher events) {
        this.events = events;
        this.recipes = recipes;
        this.links = links;
        this.datasets = datasets;
        this.check = check;
        this.capacity = capacity;
        this.instances = instances;
        this.users = users;
        this.commands = commands;
        this.pools = pools;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Checks a launch without doing it: the same rules and cloud capacity, nothing created or reserved. */
    public void validate(CurrentUser current, LaunchRequest request) {
        links.forLaunch(current, request.datasets(), request.experiments());
        recipes.check(request.recipe(), request.planId());
        tx.executeWithoutResult(status -> capacity.check(check.check(current, request).plan()));
    }

    /**
     * Answers from the database alone: the cloud is asked by the command worker, after this has returned. A ready
     * machine of the plan's pool, when one matches, is taken and handed over (HANDOVER) instead of built (CREATE).
     */
    public String launch(CurrentUser current, LaunchRequest request) {
        List<OpenLinks.LaunchDataset> chosen = links.forLaunch(current, request.datasets(), request.experiments());
        Instance launched = tx.execute(status -> {
            // Serialise launches of one person so two at once cannot both pass the quota check.
            users.lockById(current.id());
            LaunchCheck.Checked checked = check.check(current, request);
            Instant now = clock.instant();
            Duration lifetime = request.lifetimeHours() == null ? checked.policy().lifetime()
                    : Duration.ofHours(request.lifetimeHours());
            Screen screen = new Screen(request.screenWidth() == null ? Screen.DEFAULT.width() : request.screenWidth(),
                    request.screenHeight() == null ? Screen.DEFAULT.height() : request.screenHeight());
            String layout = request.keyboardLayout() == null ? KeyboardLayouts.DEFAULT : request.keyboardLayout();
            // a pool machine started without the recipe: a launch with one is built afresh
            Optional<Instance> pooled = Recipes.named(request.recipe()) ? Optional.empty()
                    : pools.take(checked.plan(), checked.user(), checked.experiments());
            Instance instance;
            if (pooled.isPresent()) {
                instance = pooled.get();
                String nonce = Tokens.secret(16);
                instance.handOver(request.name(), checked.user(), checked.experiments(), screen, layout,
                        PoolSecrets.ownerSecret(instance.getAccessSecret(), nonce), nonce, now);
            } else {
                instance = Instance.launch(newUid(), request.name(), checked.user(), checked.plan(),
                        checked.experiments(), screen, layout, Tokens.secret(24), now);
            }
            instances.save(instance);
            // the expiry module writes the end of life and plans the deletion, before this commits
            events.publishEvent(new InstanceLaunched(instance.getId(), instance.getUid(), lifetime, pooled.isPresent(),
                    now));
            chosen.forEach(dataset -> datasets.save(new InstanceDataset(instance.getId(), dataset.pid(),
                    dataset.experimentId(), dataset.sourceFolder())));
            recipes.record(instance.getId(), request.recipe(), checked.plan().getId());
            commands.enqueue(instance.getId(), pooled.isPresent() ? CommandType.HANDOVER : CommandType.CREATE,
                    current.id());
            audit.success(current.id(), "instance.launch", "instance", instance.getUid(),
                    "plan " + checked.plan().getId() + ", experiments " + request.experiments()
                            + (chosen.isEmpty() ? "" : ", datasets " + request.datasets())
                            + (Recipes.named(request.recipe()) ? ", recipe " + request.recipe().strip() : "")
                            + (pooled.isPresent() ? ", a pool machine" : ""));
            if (pooled.isPresent()) {
                pools.refillSoon(checked.plan().getId()); // the machine was counted on the cloud already
            } else {
                // Last, so the cloud's launch lock is held only for this check and the commit: the new instance is
                // counted with the others, and a launch that does not fit rolls back.
                capacity.reserve(checked.plan());
            }
            return instance;
        });
        log.info("{} launched instance {}{}", current.id(), launched.getUid(),
                launched.getPool().getHandedOverAt() != null ? " (a pool machine)" : "");
        return launched.getUid();
    }

    private String newUid() {
        String uid;
        do {
            uid = Tokens.uid();
        } while (instances.existsByUid(uid));
        return uid;
    }
}
