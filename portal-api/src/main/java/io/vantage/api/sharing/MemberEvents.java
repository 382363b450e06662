package io.vantage.api.sharing;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.vantage.api.security.AccessChange;
import io.vantage.api.security.AccessChanges;
import io.vantage.api.events.EventBus;
import io.vantage.api.events.LiveEvent;
import io.vantage.api.security.CurrentUser;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceMember;
import io.vantage.domain.instance.MemberRole;

/**
 * Tells the members' browsers that who has access changed, so open member lists refresh, and every replica, so
 * the person's open connections are decided again at once. Published inside the transaction: PostgreSQL only
 * delivers the notifications if the change commits.
 */
@Component
class MemberEvents {

    private final EventBus bus;
    private final AccessChanges access;

    MemberEvents(EventBus bus, AccessChanges access) {
        this.bus = bus;
        this.access = access;
    }

    /**
     * {@code userId} hears about it too, even if the change removed them.
     *
     * @param reason what their open connections show if the change ends or switches them
     */
    void changed(Instance instance, String change, String userId, MemberRole role, String reason) {
        access.publish(AccessChange.member(instance.getId(), userId, reason));
        Set<String> viewers = new HashSet<>();
        instance.getMembers().stream().map(InstanceMember::getUserId).forEach(viewers::add);
        viewers.add(userId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("uid", instance.getUid());
        data.put("change", change);
        data.put("userId", userId);
        data.put("role", role == null ? null : role.name());
        bus.publish(new LiveEvent("members", instance.getUid(), viewers, data));
    }

    /** Who made a change, as the person it concerns is told: the owner, or an administrator acting for them. */
    static String actor(CurrentUser user, Instance instance) {
        return instance.roleOf(user.id()).filter(role -> role == MemberRole.OWNER).isPresent()
                ? "The owner" : "An administrator";
    }

    /** A support request waits for the owner, or was answered: only the owner and the requester need to know. */
    void accessRequest(Instance instance, String requesterId, Long requestId, String state) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("uid", instance.getUid());
        data.put("requestId", requestId);
        data.put("requesterId", requesterId);
        data.put("state", state);
        bus.publish(new LiveEvent("access-request", instance.getUid(),
                Set.of(instance.owner().getId(), requesterId), data));
    }
}
