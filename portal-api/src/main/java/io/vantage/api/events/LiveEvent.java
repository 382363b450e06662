package io.vantage.api.events;

import java.util.Map;
import java.util.Set;

/**
 * Something a browser should learn at once. {@code viewers} are the users who may see it (admins see all);
 * {@code data} is sent to them as JSON.
 *
 * @param type e.g. {@code state}, {@code warning}, {@code members}, {@code sessions}
 */
public record LiveEvent(String type, String instanceUid, Set<String> viewers, Map<String, Object> data) {

    public LiveEvent {
        viewers = Set.copyOf(viewers);
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }
}
