package io.vantage.api.instance;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.cloud.ProviderRegistry;
import io.vantage.api.command.CommandQueue;
import io.vantage.api.error.ConflictException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.AccessPolicy;
import io.vantage.api.security.CurrentUser;
import io.vantage.cloud.api.Capability;
import io.vantage.domain.audit.AuditLog;
import io.vantage.domain.instance.CommandType;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;

/**
 * Start, stop, reboot and delete: checked against the policy, what the instance's cloud can do, and the state, then
 * queued for a worker.
 */
@Service
public class InstanceActions {

    private final InstanceRepository instances;
    private final CommandQueue commands;
    private final AccessPolicy access;
    private final ProviderRegistry providers;
    private final AuditLog audit;
    private final Clock clock;

    InstanceActions(InstanceRepository instances, CommandQueue commands, AccessPolicy access,
                    ProviderRegistry providers, AuditLog audit, Clock clock) {
        this.instances = instances;
        this.commands = commands;
        this.access = access;
        this.providers = providers;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void start(CurrentUser user, String uid) {
        Instance instance = find(uid);
        access.requireControl(user, instance);
        requireCapability(instance, Capability.STOP_START, "start");
        instance.requestStart(clock.instant());
        queue(user, instance, CommandType.START);
    }

    @Transactional
    public void stop(CurrentUser user, String uid) {
        Instance instance = find(uid);
        access.requireControl(user, instance);
        requireCapability(instance, Capability.STOP_START, "stop");
        instance.requestStop(clock.instant());
        queue(user, instance, CommandType.STOP);
    }

    @Transactional
    public void reboot(CurrentUser user, String uid) {
        Instance instance = find(uid);
        access.requireControl(user, instance);
        requireCapability(instance, Capability.REBOOT, "reboot");
        instance.requestReboot(clock.instant());
        queue(user, instance, CommandType.REBOOT);
    }

    @Transactional
    public void delete(CurrentUser user, String uid) {
        Instance instance = find(uid);
        access.requireDelete(user, instance);
        instance.requestDelete("Deleted by " + user.id(), clock.instant());
        queue(user, instance, CommandType.DELETE);
    }

    /** Deletion decided by the portal itself (expiry), without a person behind it. */
    @Transactional
    public void expire(String uid, String reason) {
        Instance instance = find(uid);
        Instant now = clock.instant();
        instance.requestDelete(reason, now);
        instances.save(instance);
        commands.enqueue(instance.getId(), CommandType.DELETE, null);
        audit.success(null, "instance.expire", "instance", uid, reason);
    }

    private void queue(CurrentUser user, Instance instance, CommandType type) {
        instances.save(instance);
        commands.enqueue(instance.getId(), type, user.id());
        audit.success(user.id(), "instance." + type.name().toLowerCase(), "instance", instance.getUid(), null);
    }

    /** Pages offer only what the provider can do; a client that asks anyway is told plainly why not. */
    private void requireCapability(Instance instance, Capability capability, String action) {
        if (!providers.supports(instance.getProvider().getId(), capability)) {
            throw new ConflictException(HttpStatus.CONFLICT, "Not supported by this cloud", "Instances on cloud "
                    + "provider '" + instance.getProvider().getName() + "' (type " + instance.getProvider().getType()
                    + ") cannot " + action + "; it supports " + describe(providers.capabilities(
                    instance.getProvider().getId())) + ".", Map.of("capability", capability.name()));
        }
    }

    private static String describe(Set<Capability> capabilities) {
        return capabilities.isEmpty() ? "only create and delete" : "create, delete and "
                + String.join(", ", capabilities.stream().map(c -> c.name().toLowerCase().replace('_', '/')).sorted()
                .toList());
    }

    private Instance find(String uid) {
        return instances.findByUid(uid).orElseThrow(() -> new NotFoundException("instance", uid));
    }
}
