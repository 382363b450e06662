package io.vantage.api.sharing;

import java.time.Clock;
import java.util.Comparator;
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
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceMember;
import io.vantage.domain.instance.MemberRole;
import io.vantage.domain.user.User;

/** Who may use an instance: the owner adds people, changes their role and removes them; members may leave. */
@Service
class Membership {

    private final SharedInstances shared;
    private final AccessPolicy access;
    private final MemberEvents events;
    private final AuditLog audit;
    private final Clock clock;

    Membership(SharedInstances shared, AccessPolicy access, MemberEvents events, AuditLog audit, Clock clock) {
        this.shared = shared;
        this.access = access;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<MemberView> list(CurrentUser user, String uid) {
        Instance instance = shared.find(uid);
        access.requireView(user, instance);
        return instance.getMembers().stream()
                .sorted(Comparator.comparing(InstanceMember::getRole).thenComparing(m -> m.getUser().getLastName()))
                .map(MemberView::of).toList();
    }

    @Transactional
    MemberView add(CurrentUser user, String uid, String userId, MemberRole role) {
        Instance instance = shared.find(uid);
        shared.check(user, instance, "instance.member.add", i -> access.requireManageMembers(user, i));
        SharedInstances.requireAlive(instance);
        User person = shared.user("userId", userId);
        instance.roleOf(userId).ifPresent(existing -> {
            throw new ConflictException(HttpStatus.CONFLICT, "Already a member", person.getFullName()
                    + " is already a member (" + existing.name() + "); change their role instead.",
                    Map.of("role", existing.name()));
        });
        InstanceMember member = instance.share(person, role, clock.instant());
        shared.save(instance);
        audit.success(user.id(), "instance.member.add", "instance", uid, "user " + userId + " as " + role);
        events.changed(instance, "added", userId, role,
                MemberEvents.actor(user, instance) + " gave you access as " + role);
        return MemberView.of(member);
    }

    @Transactional
    MemberView changeRole(CurrentUser user, String uid, String userId, MemberRole role) {
        Instance instance = shared.find(uid);
        shared.check(user, instance, "instance.member.role", i -> access.requireManageMembers(user, i));
        SharedInstances.requireAlive(instance);
        MemberRole before = instance.roleOf(userId).orElseThrow(() -> new NotFoundException("member", userId));
        if (before == MemberRole.OWNER) {
            throw ownerIsFixed();
        }
        InstanceMember member = instance.share(shared.user("userId", userId), role, clock.instant());
        shared.save(instance);
        audit.success(user.id(), "instance.member.role", "instance", uid, "user " + userId + ": " + before + " -> " + role);
        events.changed(instance, "role", userId, role,
                MemberEvents.actor(user, instance) + " changed your role to " + role);
        return MemberView.of(member);
    }

    @Transactional
    void remove(CurrentUser user, String uid, String userId) {
        Instance instance = shared.find(uid);
        shared.check(user, instance, "instance.member.remove", i -> access.requireRemoveMember(user, i, userId));
        MemberRole before = instance.roleOf(userId).orElseThrow(() -> new NotFoundException("member", userId));
        if (before == MemberRole.OWNER) {
            throw ownerIsFixed();
        }
        boolean leaving = user.id().equals(userId);
        String reason = leaving ? "You left this instance"
                : MemberEvents.actor(user, instance) + " removed you from this instance";
        instance.unshare(userId);
        shared.save(instance);
        audit.success(user.id(), "instance.member.remove", "instance", uid,
                "user " + userId + " (" + before + ")" + (leaving ? " left" : ""));
        events.changed(instance, "removed", userId, null, reason);
    }

    private static ConflictException ownerIsFixed() {
        return new ConflictException(HttpStatus.CONFLICT, "The owner stays",
                "The owner of an instance keeps it until it is deleted; their role cannot change.", Map.of());
    }
}
