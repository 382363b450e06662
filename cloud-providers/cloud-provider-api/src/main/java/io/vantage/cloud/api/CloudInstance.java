package io.vantage.cloud.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A machine as the cloud sees it.
 *
 * @param fault    the cloud's own explanation when {@code state} is ERROR (Nova's fault message, a pod's reason)
 * @param addresses fixed addresses first, then floating ones
 * @param tags     the tags the provider set at creation, among them {@link Tags#DEPLOYMENT} and {@link Tags#INSTANCE}
 * @param detail   optional, for people: what the machine is waiting for or why it ended, in the cloud's terms (a
 *                 batch job's queue position, scheduler reason and expected start; "reached its time limit");
 *                 null when the state says it all. Shown next to the state, never parsed.
 */
public record CloudInstance(String computeId, String name, CloudState state, String fault, List<String> addresses,
                            Map<String, String> tags, Instant createdAt, String detail) {

    /** Without a detail, as providers that have nothing to add build it. */
    public CloudInstance(String computeId, String name, CloudState state, String fault, List<String> addresses,
                         Map<String, String> tags, Instant createdAt) {
        this(computeId, name, state, fault, addresses, tags, createdAt, null);
    }

    public CloudInstance {
        Objects.requireNonNull(computeId, "computeId");
        Objects.requireNonNull(state, "state");
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    public Optional<String> address() {
        return addresses.stream().findFirst();
    }

    public Optional<String> instanceUid() {
        return Optional.ofNullable(tags.get(Tags.INSTANCE));
    }

    public CloudInstance withState(CloudState newState, String newFault) {
        return new CloudInstance(computeId, name, newState, newFault, addresses, tags, createdAt, detail);
    }
}
