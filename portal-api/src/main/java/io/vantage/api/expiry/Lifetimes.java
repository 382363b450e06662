package io.vantage.api.expiry;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.error.ConflictException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.AccessPolicy;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.audit.AuditLog;
import io.vantage.domain.expiry.InstanceActivityRepository;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.InstanceState;

/**
 * The one writer of an instance's lifetime besides extensions ({@link Extensions}): its use, "I'm still here",
 * and an admin's new end of life. Other features call these (or publish events, see {@link LifetimeRecords}) and
 * never write the termination date, the last use or the planned deletion themselves.
 */
@Service
@NamedInterface("lifetimes")
public class Lifetimes {

    private final InstanceRepository instances;
    private final InstanceActivityRepository activity;
    private final ExpirySchedule schedule;
    private final LifetimeEvents events;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final Clock clock;

    Lifetimes(InstanceRepository instances, InstanceActivityRepository activity, ExpirySchedule schedule,
              LifetimeEvents events, AccessPolicy access, AuditLog audit, Clock clock) {
        this.instances = instances;
        this.activity = activity;
        this.schedule = schedule;
        this.events = events;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Real input seen by the tunnels, the latest time per instance id, written in one batch. It only ever moves
     * the last use forward and never touches the instance's version, so it cannot make a state change fail; the
     * next sweep moves the planned deletion.
     */
    @Transactional
    public void recordActivity(Map<Long, Instant> latest) {
        latest.forEach(activity::recordInteraction);
    }

    /** "I'm still here": the inactivity clock starts again now, and open pages drop their warning at once. */
    @Transactional
    public void stillHere(CurrentUser user, String uid) {
        Instance instance = find(uid);
        access.requireControl(user, instance);
        schedule.lockAndRefresh(instance);
        requireLive(instance);
        Instant now = clock.instant();
        activity.recordInteraction(instance.getId(), now);
        schedule.lockAndRefresh(instance); // reads the last use just written
        schedule.reschedule(instance, now);
        events.changed(instance, "still-here", null);
        audit.success(user.id(), "instance.still-here", "instance", uid, null);
    }

    /** An admin's new end of life, earlier or later; the planned deletion (and the warning due) follows at once. */
    @Transactional
    public Instance setTerminationDate(String adminId, String uid, Instant until) {
        Instance instance = schedule.lockAndRefresh(find(uid));
        Instant now = clock.instant();
        instance.extendUntil(until, now);
        instances.save(instance);
        schedule.reschedule(instance, now);
        events.changed(instance, "extended", null);
        return instance;
    }

    private Instance find(String uid) {
        return instances.findByUid(uid).orElseThrow(() -> new NotFoundException("instance", uid));
    }

    private static void requireLive(Instance instance) {
        if (instance.getState() == InstanceState.DELETING || instance.getState() == InstanceState.DELETED) {
            throw new ConflictException(HttpStatus.CONFLICT, "Already deleted", "Instance '" + instance.getName()
                    + "' is being deleted; nothing keeps it now.", Map.of("state", instance.getState().name()));
        }
    }
}
