package io.vantage.api.security;

import java.util.Collection;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import io.vantage.api.error.NotFoundException;
import io.vantage.domain.catalogue.ExtensionPolicy;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceState;
import io.vantage.domain.instance.MemberRole;
import io.vantage.domain.proposal.Experiment;
import io.vantage.domain.user.SystemRole;

/**
 * Who may see and do what, in one place. Instances a person may not even see answer 404, so their existence does
 * not leak; instances they may see but not act on answer 403.
 *
 * <ul>
 *   <li>see: admins, members, IT support, instrument scientists of the instruments of its experiments</li>
 *   <li>connect (desktop, notebook): admins and members (GUEST members watch only), while the instance runs;
 *       decided when a ticket is issued, when it is redeemed, and again for every open connection when access
 *       changes ({@link #connection})</li>
 *   <li>control (start, stop, reboot, extend): admins, the owner, USER and SUPPORT members</li>
 *   <li>delete and share: admins and the owner</li>
 *   <li>ask the owner for access: IT support and scientists of its instruments ({@link #isSupportFor})</li>
 *   <li>extend without an admin's approval: everyone under ALWAYS_AUTO, staff and admins under STAFF_AUTO</li>
 *   <li>transfer files (instance page): upload and download for those who may connect with a role that may
 *       control (owner, USER, SUPPORT, admins), download only for GUEST members and only while the owner lets
 *       guests download; while the instance runs ({@link #requireTransfer})</li>
 *   <li>a machine of a pre-warmed pool, until a launch takes it: nobody, admins included (404)</li>
 * </ul>
 */
@Component
public class AccessPolicy {

    public boolean canView(CurrentUser user, Instance instance) {
        return !instance.getPool().isWaiting()
                && (user.isAdmin() || instance.roleOf(user.id()).isPresent() || isSupportFor(user, instance));
    }

    public boolean canConnect(CurrentUser user, Instance instance) {
        return connectionRole(user, instance).isPresent();
    }

    public boolean canControl(CurrentUser user, Instance instance) {
        return !instance.getPool().isWaiting()
                && (user.isAdmin() || instance.roleOf(user.id()).filter(role -> !watchesOnly(role)).isPresent());
    }

    public boolean canDelete(CurrentUser user, Instance instance) {
        return !instance.getPool().isWaiting()
                && (user.isAdmin() || instance.roleOf(user.id()).filter(role -> role == MemberRole.OWNER).isPresent());
    }

    public boolean canManageMembers(CurrentUser user, Instance instance) {
        return canDelete(user, instance);
    }

    /**
     * Who only watches: guests. Their keyboard, mouse, clipboard and notebook edits are dropped, on desktops and
     * notebooks alike; everyone else who may connect may also act. The one place this rule is written.
     */
    public static boolean watchesOnly(MemberRole role) {
        return role == MemberRole.GUEST;
    }

    /** The role a person connects with: their member role; admins who are not members connect as SUPPORT. */
    public Optional<MemberRole> connectionRole(CurrentUser user, Instance instance) {
        if (instance.getPool().isWaiting()) {
            return Optional.empty();
        }
        Optional<MemberRole> role = instance.roleOf(user.id());
        return role.isPresent() || !user.isAdmin() ? role : Optional.of(MemberRole.SUPPORT);
    }

    /**
     * The one decision for desktop and notebook connections, with the person's roles as they are now: members
     * connect with their role, admins who are not members as SUPPORT, and nobody to an instance that is not running.
     */
    public ConnectionDecision connection(CurrentUser user, Instance instance) {
        if (!instance.getState().isRunning()) {
            return ConnectionDecision.end(notRunning(instance.getState()));
        }
        return connectionRole(user, instance).map(ConnectionDecision::allow)
                .orElseGet(() -> ConnectionDecision.end("Your access to this instance ended"));
    }

    /** Why nobody may be connected to an instance in this state, as people are told. */
    public static String notRunning(InstanceState state) {
        return switch (state) {
            case DELETING, DELETED -> "The instance was deleted";
            case STOPPING, STOPPED -> "The instance was stopped";
            case REBOOTING -> "The instance is restarting";
            default -> "The instance is not running";
        };
    }

    /** Support staff who may ask the owner for access: IT support, or a scientist of one of its instruments. */
    public boolean isSupportFor(CurrentUser user, Instance instance) {
        if (instance.getPool().isWaiting()) {
            return false;
        }
        if (user.has(SystemRole.IT_SUPPORT)) {
            return true;
        }
        return user.has(SystemRole.INSTRUMENT_SCIENTIST) && instance.getExperiments().stream()
                .map(Experiment::getInstrument).anyMatch(instrument -> instrument.hasScientist(user.id()));
    }

    /** Whether an extension asked for by this person is accepted at once; NEVER is refused before this is asked. */
    public boolean extendsWithoutApproval(CurrentUser user, ExtensionPolicy policy) {
        return policy == ExtensionPolicy.ALWAYS_AUTO || (policy == ExtensionPolicy.STAFF_AUTO && user.isStaff());
    }

    /** Whether a person may launch for these experiments: on all of them, or staff/admin; none needs a staff-like role. */
    public boolean mayLaunchFor(CurrentUser user, Collection<String> requested, Collection<String> memberOf) {
        if (requested.isEmpty()) {
            return user.roles().stream().anyMatch(role -> SystemRole.isSystemRole(role)
                    && SystemRole.MAY_LAUNCH_WITHOUT_EXPERIMENT.contains(SystemRole.valueOf(role)));
        }
        return user.isStaff() || memberOf.containsAll(requested);
    }

    public void requireView(CurrentUser user, Instance instance) {
        if (!canView(user, instance)) {
            throw new NotFoundException("instance", instance.getUid());
        }
    }

    public void requireConnect(CurrentUser user, Instance instance) {
        requireView(user, instance);
        if (!canConnect(user, instance)) {
            throw new AccessDeniedException("Only members can open this instance; ask its owner for access.");
        }
    }

    /** Members (and admins) only: support staff who are not members see the instance but not its affairs. */
    public void requireMembership(CurrentUser user, Instance instance) {
        requireView(user, instance);
        if (!canConnect(user, instance)) {
            throw new AccessDeniedException("Only members of this instance can see this.");
        }
    }

    public void requireSupportFor(CurrentUser user, Instance instance) {
        requireView(user, instance);
        if (!isSupportFor(user, instance)) {
            throw new AccessDeniedException(
                    "Only IT support and the instrument scientists of its experiments can ask for access.");
        }
    }

    /** The owner (or an admin) removes anyone but the owner; any other member may leave on their own. */
    public void requireRemoveMember(CurrentUser user, Instance instance, String memberId) {
        requireView(user, instance);
        boolean leaving = user.id().equals(memberId) && instance.roleOf(memberId).isPresent();
        if (!leaving && !canManageMembers(user, instance)) {
            throw new AccessDeniedException("Only the owner can change who has access to this instance.");
        }
    }

    /**
     * File transfer with the person's role now: GUEST members download only when {@code guestsMayDownload} (the
     * owner's switch) and never upload; strangers get 404, as for everything else of an instance.
     */
    public void requireTransfer(CurrentUser user, Instance instance, boolean upload, boolean guestsMayDownload) {
        requireMembership(user, instance);
        ConnectionDecision decision = connection(user, instance);
        if (!decision.allowed()) {
            throw new AccessDeniedException(decision.endReason() + ": files can be transferred while it runs.");
        }
        if (decision.readOnly() && upload) {
            throw new AccessDeniedException("Guests may not upload files to this instance.");
        }
        if (decision.readOnly() && !guestsMayDownload) {
            throw new AccessDeniedException("The owner has not let guests download files from this instance.");
        }
    }

    public void requireControl(CurrentUser user, Instance instance) {
        requireView(user, instance);
        if (!canControl(user, instance)) {
            throw new AccessDeniedException("You may watch this instance but not control it.");
        }
    }

    public void requireDelete(CurrentUser user, Instance instance) {
        requireView(user, instance);
        if (!canDelete(user, instance)) {
            throw new AccessDeniedException("Only the owner can delete this instance.");
        }
    }

    public void requireManageMembers(CurrentUser user, Instance instance) {
        requireView(user, instance);
        if (!canManageMembers(user, instance)) {
            throw new AccessDeniedException("Only the owner can change who has access to this instance.");
        }
    }
}
