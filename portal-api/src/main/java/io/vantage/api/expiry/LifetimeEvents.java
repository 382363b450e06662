package io.vantage.api.expiry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.vantage.api.events.EventBus;
import io.vantage.api.events.LiveEvent;
import io.vantage.domain.instance.ExtensionRequest;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceMember;

/**
 * Tells browsers, on every replica, that an instance's lifetime changed (extended, answered, used again), so a
 * shown deadline or warning updates at once; pages then ask for their own view of it (what a person may do
 * differs). Admins hear about extension requests, so their list of pending ones stays current. Call inside the
 * transaction that makes the change: the events go out only if it commits.
 */
@Component
class LifetimeEvents {

    private final EventBus bus;

    LifetimeEvents(EventBus bus) {
        this.bus = bus;
    }

    /** @param kind e.g. {@code extended}, {@code still-here}, {@code rescheduled}; {@code message} a person may read */
    void changed(Instance instance, String kind, String message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("uid", instance.getUid());
        data.put("kind", kind);
        data.put("terminationDate", instance.getTerminationDate() == null ? null : instance.getTerminationDate().toString());
        data.put("message", message);
        bus.publish(new LiveEvent("lifetime", instance.getUid(), members(instance), data));
    }

    void extensionAnswered(Instance instance, ExtensionRequest request, String message) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("uid", instance.getUid());
        data.put("kind", "answered");
        data.put("requestId", request.getId());
        data.put("state", request.getState().name());
        data.put("terminationDate", instance.getTerminationDate() == null ? null : instance.getTerminationDate().toString());
        data.put("message", message);
        bus.publish(new LiveEvent("lifetime", instance.getUid(), members(instance), data));
        requestsChanged(instance, request);
    }

    /** A request was made or decided: admins' lists change (only admins and the requester hear it). */
    void requestsChanged(Instance instance, ExtensionRequest request) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", request.getId());
        data.put("uid", instance.getUid());
        data.put("state", request.getState().name());
        bus.publish(new LiveEvent("extension-request", instance.getUid(), Set.of(request.getRequesterId()), data));
    }

    private static Set<String> members(Instance instance) {
        return instance.getMembers().stream().map(InstanceMember::getUserId).collect(Collectors.toSet());
    }
}
