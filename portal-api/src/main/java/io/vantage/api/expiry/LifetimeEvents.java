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

/** Tells members' browsers that an extension was answered, so a shown deadline or warning updates at once. */
@Component
class LifetimeEvents {

    private final EventBus bus;

    LifetimeEvents(EventBus bus) {
        this.bus = bus;
    }

    void extensionAnswered(Instance instance, ExtensionRequest request) {
        Set<String> viewers = instance.getMembers().stream().map(InstanceMember::getUserId).collect(Collectors.toSet());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("uid", instance.getUid());
        data.put("requestId", request.getId());
        data.put("state", request.getState().name());
        data.put("terminationDate", instance.getTerminationDate() == null ? null : instance.getTerminationDate().toString());
        bus.publish(new LiveEvent("lifetime", instance.getUid(), viewers, data));
    }
}
