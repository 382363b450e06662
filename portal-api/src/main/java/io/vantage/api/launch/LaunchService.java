package io.vantage.api.launch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.api.cloud.ProviderRegistry;
import io.vantage.api.command.CommandQueue;
import io.vantage.api.error.ConflictException;
import io.vantage.api.security.CurrentUser;
import io.vantage.api.support.Tokens;
import io.vantage.cloud.api.CloudLimits;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderException;
import io.vantage.domain.audit.AuditLog;
import io.vantage.domain.catalogue.Flavour;
import io.vantage.domain.instance.CommandType;
import io.vantage.domain.instance.ExpirationReason;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceExpiration;
import io.vantage.domain.instance.InstanceExpirationRepository;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.Screen;
import io.vantage.domain.user.UserRepository;

/**
 * Launches an instance: checks the rules, checks the cloud has room (never waiting long on it), then records the
 * instance in BUILDING with a CREATE command that a worker carries out.
 */
@Service
public class LaunchService {

    private static final Logger log = LoggerFactory.getLogger(LaunchService.class);

    private final LaunchCheck check;
    private final ProviderRegistry providers;
    private final InstanceRepository instances;
    private final InstanceExpirationRepository expirations;
    private final UserRepository users;
    private final CommandQueue commands;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    LaunchService(LaunchCheck check, ProviderRegistry providers, InstanceRepository instances,
                  InstanceExpirationRepository expirations, UserRepository users, CommandQueue commands,
                  AuditLog audit, TransactionTemplate tx, Clock clock) {
        this.check = check;
        this.providers = providers;
        this.instances = instances;
        this.expirations = expirations;
        this.users = users;
        this.commands = commands;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** Checks a launch without doing it: the same rules and cloud capacity, nothing created. */
    public void validate(CurrentUser current, LaunchRequest request) {
        LaunchCheck.Checked checked = tx.execute(status -> check.check(current, request));
        capacity(checked.plan().getImage().getProvider().getId(), checked.plan().getFlavour());
    }

    public String launch(CurrentUser current, LaunchRequest request) {
        LaunchCheck.Checked precheck = tx.execute(status -> check.check(current, request));
        capacity(precheck.plan().getImage().getProvider().getId(), precheck.plan().getFlavour());
        String uid = tx.execute(status -> {
            // Serialise launches of one person so two at once cannot both pass the quota check.
            users.lockById(current.id());
            LaunchCheck.Checked checked = check.check(current, request);
            Instant now = clock.instant();
            Duration lifetime = request.lifetimeHours() == null ? checked.policy().lifetime()
                    : Duration.ofHours(request.lifetimeHours());
            Screen screen = new Screen(request.screenWidth() == null ? Screen.DEFAULT.width() : request.screenWidth(),
                    request.screenHeight() == null ? Screen.DEFAULT.height() : request.screenHeight());
            Instance instance = Instance.launch(newUid(), request.name(), checked.user(), checked.plan(),
                    checked.experiments(), screen, request.keyboardLayout() == null ? KeyboardLayouts.DEFAULT
                            : request.keyboardLayout(), Tokens.secret(24), now.plus(lifetime), now);
            instances.save(instance);
            expirations.save(new InstanceExpiration(instance.getId(), ExpirationReason.LIFETIME,
                    instance.getTerminationDate()));
            commands.enqueue(instance.getId(), CommandType.CREATE, current.id());
            audit.success(current.id(), "instance.launch", "instance", instance.getUid(),
                    "plan " + checked.plan().getId() + ", experiments " + request.experiments());
            return instance.getUid();
        });
        log.info("{} launched instance {}", current.id(), uid);
        return uid;
    }

    private String newUid() {
        String uid;
        do {
            uid = Tokens.uid();
        } while (instances.existsByUid(uid));
        return uid;
    }

    /** Refuses at once when the cloud says it is full; a cloud that does not answer is not a reason to refuse. */
    private void capacity(Long providerId, Flavour flavour) {
        CloudProvider provider = providers.require(providerId);
        try {
            CloudLimits limits = provider.limits().limits();
            String exceeded = limits.firstExceeded(flavour.getCpu(), flavour.getMemoryMib(), flavour.getGpu());
            if (exceeded != null) {
                throw new ConflictException(HttpStatus.CONFLICT, "Cloud capacity reached",
                        "The facility's cloud has no room for this size right now (" + exceeded + "). "
                                + "Try a smaller size, or try again later.", Map.of("exhausted", exceeded));
            }
        } catch (CloudProviderException e) {
            log.warn("Capacity of provider {} unknown, launching anyway: {}", provider.name(), e.getMessage());
        }
    }
}
