package io.vantage.api.sharing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.api.error.ConflictException;
import io.vantage.api.security.AccessPolicy;
import io.vantage.api.security.CurrentUser;
import io.vantage.api.support.PortalLinks;
import io.vantage.api.support.Tokens;
import io.vantage.domain.audit.AuditLog;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.InstanceState;
import io.vantage.domain.instance.Invitation;
import io.vantage.domain.instance.InvitationRepository;
import io.vantage.domain.instance.MemberRole;

/**
 * Invitation links: the owner hands a link to someone whose id they do not know; whoever opens it first becomes a
 * member. The token is shown once and only its hash is stored, so a database dump does not hand out access.
 */
@Service
class Invitations {

    private final SharedInstances shared;
    private final InstanceRepository instances;
    private final InvitationRepository invitations;
    private final AccessPolicy access;
    private final MemberEvents events;
    private final PortalLinks links;
    private final AuditLog audit;
    private final EntityManager entities;
    private final Clock clock;

    Invitations(SharedInstances shared, InstanceRepository instances, InvitationRepository invitations,
                AccessPolicy access, MemberEvents events, PortalLinks links, AuditLog audit, EntityManager entities,
                Clock clock) {
        this.shared = shared;
        this.instances = instances;
        this.invitations = invitations;
        this.access = access;
        this.events = events;
        this.links = links;
        this.audit = audit;
        this.entities = entities;
        this.clock = clock;
    }

    record Created(String url, String path, String role, Instant expiresAt) {
    }

    record Accepted(String instanceUid, String instanceName, String role) {
    }

    @Transactional
    Created create(CurrentUser user, String uid, MemberRole role, int validityHours) {
        Instance instance = shared.find(uid);
        shared.check(user, instance, "instance.invitation.create", i -> access.requireManageMembers(user, i));
        SharedInstances.requireAlive(instance);
        String token = Tokens.secret(32);
        Instant now = clock.instant();
        Invitation invitation = invitations.save(new Invitation(instance.getId(), Tokens.sha256(token), role, user.id(),
                now, now.plus(Duration.ofHours(validityHours))));
        audit.success(user.id(), "instance.invitation.create", "instance", uid,
                "invitation " + invitation.getId() + " as " + role + " until " + invitation.getExpiresAt());
        String path = "/invitations/" + token;
        return new Created(links.absolute(path), path, role.name(), invitation.getExpiresAt());
    }

    @Transactional
    Accepted accept(CurrentUser user, String token) {
        Invitation invitation = invitations.findByTokenHash(Tokens.sha256(token)).orElseThrow(() -> problem(
                HttpStatus.NOT_FOUND, "No such invitation", "This invitation link is not valid; check it was copied whole."));
        // Two people opening the link at once: the row lock lets exactly one of them through.
        entities.refresh(invitation, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (invitation.getUsedAt() != null) {
            throw problem(HttpStatus.CONFLICT, "Invitation already used",
                    "This invitation link was already used; ask the owner for a new one.");
        }
        if (!now.isBefore(invitation.getExpiresAt())) {
            throw problem(HttpStatus.GONE, "Invitation expired", "This invitation link expired on "
                    + invitation.getExpiresAt() + "; ask the owner for a new one.");
        }
        Instance instance = instances.findById(invitation.getInstanceId()).orElseThrow();
        if (instance.getState() == InstanceState.DELETING || instance.getState() == InstanceState.DELETED) {
            throw problem(HttpStatus.GONE, "Instance deleted", "The instance of this invitation no longer exists.");
        }
        instance.roleOf(user.id()).ifPresent(existing -> {
            // Left unused, so the owner's link still works for the person it was meant for.
            throw problem(HttpStatus.CONFLICT, "Already a member",
                    "You are already a member of '" + instance.getName() + "' (" + existing.name() + ").");
        });
        invitation.redeem(user.id(), now);
        instance.share(shared.user("userId", user.id()), invitation.getRole(), now);
        instances.save(instance);
        audit.success(user.id(), "instance.invitation.accept", "instance", instance.getUid(),
                "invitation " + invitation.getId() + " as " + invitation.getRole());
        events.changed(instance, "added", user.id(), invitation.getRole(),
                "You joined with an invitation as " + invitation.getRole());
        return new Accepted(instance.getUid(), instance.getName(), invitation.getRole().name());
    }

    private static ConflictException problem(HttpStatus status, String title, String detail) {
        return new ConflictException(status, title, detail, Map.of());
    }
}
