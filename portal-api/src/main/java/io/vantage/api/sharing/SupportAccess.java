package io.vantage.api.sharing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.error.ConflictException;
import io.vantage.api.error.NotFoundException;
import io.vantage.api.security.AccessPolicy;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.audit.AuditLog;
import io.vantage.domain.instance.AccessRequest;
import io.vantage.domain.instance.AccessRequestRepository;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.MemberRole;
import io.vantage.domain.user.User;
import io.vantage.domain.user.UserRepository;

/**
 * Support staff (IT support, the instrument scientists of the instance's experiments) may see an instance but not
 * open it: they ask, and the owner lets them in as SUPPORT members or refuses.
 */
@Service
class SupportAccess {

    private final SharedInstances shared;
    private final AccessRequestRepository requests;
    private final UserRepository users;
    private final AccessPolicy access;
    private final MemberEvents events;
    private final AuditLog audit;
    private final Clock clock;

    SupportAccess(SharedInstances shared, AccessRequestRepository requests, UserRepository users, AccessPolicy access,
                  MemberEvents events, AuditLog audit, Clock clock) {
        this.shared = shared;
        this.requests = requests;
        this.users = users;
        this.access = access;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    record RequestView(Long id, String requesterId, String requesterName, String reason, String state,
                       Instant createdAt) {
    }

    @Transactional
    RequestView ask(CurrentUser user, String uid, String reason) {
        Instance instance = shared.find(uid);
        shared.check(user, instance, "instance.access.request", i -> access.requireSupportFor(user, i));
        SharedInstances.requireAlive(instance);
        instance.roleOf(user.id()).ifPresent(role -> {
            throw conflict("Already a member", "You are already a member of this instance (" + role.name() + ").");
        });
        boolean waiting = requests.findByInstanceIdAndState(instance.getId(), AccessRequest.State.PENDING).stream()
                .anyMatch(r -> r.getRequesterId().equals(user.id()));
        if (waiting) {
            throw conflict("Already asked", "Your request is waiting for the owner's answer.");
        }
        AccessRequest request = requests.save(new AccessRequest(instance.getId(), user.id(), reason.strip(),
                clock.instant()));
        audit.success(user.id(), "instance.access.request", "instance", uid, "request " + request.getId());
        events.accessRequest(instance, user.id(), request.getId(), request.getState().name());
        return view(request);
    }

    @Transactional(readOnly = true)
    List<RequestView> pending(CurrentUser user, String uid) {
        Instance instance = shared.find(uid);
        access.requireManageMembers(user, instance);
        return requests.findByInstanceIdAndState(instance.getId(), AccessRequest.State.PENDING).stream()
                .map(this::view).toList();
    }

    @Transactional
    RequestView grant(CurrentUser user, String uid, Long requestId) {
        Instance instance = shared.find(uid);
        shared.check(user, instance, "instance.access.grant", i -> access.requireManageMembers(user, i));
        SharedInstances.requireAlive(instance);
        AccessRequest request = pendingRequest(instance, requestId);
        Instant now = clock.instant();
        request.grant(user.id(), now);
        User requester = shared.user("requesterId", request.getRequesterId());
        if (instance.roleOf(requester.getId()).isEmpty()) { // let in another way meanwhile: keep that role
            instance.share(requester, MemberRole.SUPPORT, now);
            shared.save(instance);
        }
        audit.success(user.id(), "instance.access.grant", "instance", uid,
                "request " + requestId + ": user " + requester.getId() + " as SUPPORT");
        MemberRole role = instance.roleOf(requester.getId()).orElseThrow();
        events.changed(instance, "added", requester.getId(), role,
                MemberEvents.actor(user, instance) + " let you in as " + role);
        events.accessRequest(instance, requester.getId(), requestId, request.getState().name());
        return view(request);
    }

    @Transactional
    RequestView refuse(CurrentUser user, String uid, Long requestId) {
        Instance instance = shared.find(uid);
        shared.check(user, instance, "instance.access.refuse", i -> access.requireManageMembers(user, i));
        AccessRequest request = pendingRequest(instance, requestId);
        request.refuse(user.id(), clock.instant());
        audit.success(user.id(), "instance.access.refuse", "instance", uid,
                "request " + requestId + " from user " + request.getRequesterId());
        events.accessRequest(instance, request.getRequesterId(), requestId, request.getState().name());
        return view(request);
    }

    private AccessRequest pendingRequest(Instance instance, Long requestId) {
        AccessRequest request = requests.findById(requestId)
                .filter(r -> r.getInstanceId().equals(instance.getId()))
                .orElseThrow(() -> new NotFoundException("access request", requestId));
        if (request.getState() != AccessRequest.State.PENDING) {
            throw conflict("Already answered", "This request was already " + request.getState().name().toLowerCase() + ".");
        }
        return request;
    }

    private RequestView view(AccessRequest request) {
        String name = users.findById(request.getRequesterId()).map(User::getFullName).orElse(request.getRequesterId());
        return new RequestView(request.getId(), request.getRequesterId(), name, request.getReason(),
                request.getState().name(), request.getCreatedAt());
    }

    private static ConflictException conflict(String title, String detail) {
        return new ConflictException(HttpStatus.CONFLICT, title, detail, Map.of());
    }
}
