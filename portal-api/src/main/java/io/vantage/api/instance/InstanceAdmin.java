package io.vantage.api.instance;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.audit.AdminAudit;
import io.vantage.api.cloud.ProviderRegistry;
import io.vantage.api.command.CommandQueue;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.FieldException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.CurrentUser;
import io.vantage.api.support.PageView;
import io.vantage.api.support.Paging;
import io.vantage.domain.instance.CommandType;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceExpiration;
import io.vantage.domain.instance.InstanceExpirationRepository;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.InstanceState;

/**
 * Every instance, whoever owns it. Start, stop, reboot and delete go through {@link
 * io.vantage.api.instance.InstanceActions} like the owner's own requests; this adds what only admins do.
 */
@Service
public class InstanceAdmin {

    private final InstanceRepository instances;
    private final InstanceExpirationRepository expirations;
    private final CommandQueue commands;
    private final ProviderRegistry providers;
    private final AdminAudit audit;

    InstanceAdmin(InstanceRepository instances, InstanceExpirationRepository expirations,
                  CommandQueue commands, ProviderRegistry providers, AdminAudit audit) {
        this.instances = instances;
        this.providers = providers;
        this.expirations = expirations;
        this.commands = commands;
        this.audit = audit;
    }

    /** The query matches the name (part), uid, or the owner's id or last name (prefix). */
    @Transactional(readOnly = true)
    public PageView<AdminInstanceView> search(String state, Long providerId, String query, int page, int size) {
        Page<Instance> found = instances.search(state(state), providerId,
                query == null || query.isBlank() ? null : query.strip(), Paging.of(page, size));
        Map<Long, InstanceExpiration> expiries = expirations.byInstanceId(found.getContent());
        return PageView.of(found, i -> AdminInstanceView.of(i, Optional.ofNullable(expiries.get(i.getId())),
                capability -> providers.supports(i.getProvider().getId(), capability)));
    }

    @Transactional(readOnly = true)
    public AdminInstanceView get(String uid) {
        Instance instance = find(uid);
        return view(instance);
    }

    /** Asks a worker to look at the machine now rather than at the next reconcile round. */
    @Transactional
    public AdminInstanceView sync(CurrentUser actor, String uid) {
        Instance instance = find(uid);
        if (instance.getState() == InstanceState.DELETED) {
            throw new ConflictException(HttpStatus.CONFLICT, "Not possible in the current state",
                    "Instance '" + instance.getName() + "' is deleted; there is nothing to synchronise.",
                    Map.of("state", instance.getState().name()));
        }
        commands.enqueue(instance.getId(), CommandType.SYNC, actor.id());
        audit.success(actor, "admin.instance.sync", "instance", uid, null);
        return view(instance);
    }

    private AdminInstanceView view(Instance instance) {
        return AdminInstanceView.of(instance, expirations.findById(instance.getId()),
                capability -> providers.supports(instance.getProvider().getId(), capability));
    }

    private Instance find(String uid) {
        // a pool machine is nobody's instance yet: admins see it among its pool's, not here
        return instances.findByUid(uid).filter(instance -> !instance.getPool().isWaiting())
                .orElseThrow(() -> new NotFoundException("instance", uid));
    }

    private static InstanceState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return InstanceState.valueOf(state.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new FieldException("state", "must be one of " + Arrays.toString(InstanceState.values()));
        }
    }
}
