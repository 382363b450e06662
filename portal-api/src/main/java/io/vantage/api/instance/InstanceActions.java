package io.vantage.api.instance;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.command.CommandQueue;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.AccessPolicy;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.audit.AuditLog;
import io.vantage.domain.instance.CommandType;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;

/** Start, stop, reboot and delete: checked against the policy and the state, then queued for a worker. */
@Service
public class InstanceActions {

    private final InstanceRepository instances;
    private final CommandQueue commands;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    InstanceActions(InstanceRepository instances, CommandQueue commands, AccessPolicy access, AuditLog audit,
                    Clock clock) {
        this.instances = instances;
        this.commands = commands;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public void start(CurrentUser user, String uid) {
        Instance instance = find(uid);
        access.requireControl(user, instance);
        instance.requestStart(clock.instant());
        queue(user, instance, CommandType.START);
    }

    @Transactional
    public void stop(CurrentUser user, String uid) {
        Instance instance = find(uid);
        access.requireControl(user, instance);
        instance.requestStop(clock.instant());
        queue(user, instance, CommandType.STOP);
    }

    @Transactional
    public void reboot(CurrentUser user, String uid) {
        Instance instance = find(uid);
        access.requireControl(user, instance);
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

    private Instance find(String uid) {
        return instances.findByUid(uid).orElseThrow(() -> new NotFoundException("instance", uid));
    }
}
