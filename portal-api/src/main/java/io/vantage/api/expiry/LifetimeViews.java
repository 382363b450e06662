package io.vantage.api.expiry;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.AccessPolicy;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.catalogue.ExtensionPolicy;
import io.vantage.domain.instance.ExtensionRequest;
import io.vantage.domain.instance.ExtensionRequestRepository;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceDeletion;
import io.vantage.domain.instance.InstanceDeletionRepository;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.InstanceState;
import io.vantage.domain.instance.RequestState;
import io.vantage.domain.user.User;
import io.vantage.domain.user.UserRepository;

/**
 * Reads an instance's lifetime for one person. The planned deletion is worked out afresh from the instance (the
 * same rule the sweep applies), so a page shows the deadline the next sweep will act on, not the last one stored.
 */
@Service
public class LifetimeViews {

    private final InstanceRepository instances;
    private final ExtensionRequestRepository requests;
    private final InstanceDeletionRepository deletions;
    private final UserRepository users;
    private final ExpirySchedule schedule;
    private final AccessPolicy access;
    private final Clock clock;

    LifetimeViews(InstanceRepository instances, ExtensionRequestRepository requests, InstanceDeletionRepository deletions,
                  UserRepository users, ExpirySchedule schedule, AccessPolicy access, Clock clock) {
        this.instances = instances;
        this.requests = requests;
        this.deletions = deletions;
        this.users = users;
        this.schedule = schedule;
        this.access = access;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public LifetimeView view(CurrentUser user, String uid) {
        Instance instance = instances.findByUid(uid).orElseThrow(() -> new NotFoundException("instance", uid));
        access.requireView(user, instance);
        return of(user, instance, clock.instant());
    }

    /** Views of the instances with these uids the person may see, by uid (a dashboard's cards). */
    @Transactional(readOnly = true)
    public Map<String, LifetimeView> views(CurrentUser user, Collection<String> uids) {
        Instant now = clock.instant();
        Map<String, LifetimeView> views = new LinkedHashMap<>();
        for (String uid : uids) {
            instances.findByUid(uid).filter(i -> access.canView(user, i))
                    .ifPresent(instance -> views.put(uid, of(user, instance, now)));
        }
        return views;
    }

    LifetimeView of(CurrentUser user, Instance instance, Instant now) {
        boolean live = instance.getState() != InstanceState.DELETING && instance.getState() != InstanceState.DELETED;
        // support staff who are not members see the instance, not its requests
        List<ExtensionRequest> asked = access.canConnect(user, instance)
                ? requests.findByInstanceIdOrderByCreatedAtDesc(instance.getId()) : List.of();
        LifetimeView.Request pending = asked.stream().filter(r -> r.getState() == RequestState.PENDING).findFirst()
                .map(this::request).orElse(null);
        LifetimeView.Request decided = asked.stream().filter(r -> r.getState() != RequestState.PENDING).findFirst()
                .map(this::request).orElse(null);
        if (!live) {
            return new LifetimeView(instance.getUid(), instance.getState().name(), now, instance.getTerminationDate(),
                    null, null, null, "NONE", false, null, null, decided, ended(instance));
        }
        PlannedDeletion planned = schedule.plan(instance, now);
        Instant warnFrom = planned.at().minus(schedule.warningLead(instance, planned.reason(), now));
        boolean control = access.canControl(user, instance);
        ExtensionPolicy policy = instance.getPlan().getImage().getExtensionPolicy();
        String extension = !control ? "NONE" : policy == ExtensionPolicy.NEVER ? "NEVER"
                : access.extendsWithoutApproval(user, policy) ? "AUTO" : "APPROVAL";
        return new LifetimeView(instance.getUid(), instance.getState().name(), now, instance.getTerminationDate(),
                planned.reason().name(), planned.at(), warnFrom, extension, control,
                control ? schedule.extensionUntil(instance, now) : null, pending, decided, null);
    }

    private LifetimeView.Ended ended(Instance instance) {
        InstanceDeletion deletion = deletions.findById(instance.getId()).orElse(null);
        Instant idleSince = instance.getLastInteractionAt() == null ? instance.getCreatedAt()
                : instance.getLastInteractionAt();
        if (deletion == null) {
            return new LifetimeView.Ended(instance.getState() == InstanceState.DELETED, null, null,
                    instance.getStateReason(), null, instance.getDeletedAt(), instance.getTerminationDate(), idleSince);
        }
        return new LifetimeView.Ended(instance.getState() == InstanceState.DELETED, deletion.getCause().name(),
                name(deletion.getActorId()), deletion.getDetail(), deletion.getRequestedAt(), instance.getDeletedAt(),
                instance.getTerminationDate(), idleSince);
    }

    private LifetimeView.Request request(ExtensionRequest r) {
        return new LifetimeView.Request(r.getId(), r.getRequestedUntil(), r.getComments(), r.getState().name(),
                name(r.getHandledBy()), r.getHandledAt(), r.getHandlerComments(), r.getCreatedAt());
    }

    String name(String userId) {
        return userId == null ? null : users.findById(userId).map(User::getFullName).orElse(userId);
    }
}
