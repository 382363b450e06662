package io.vantage.api.instance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.vantage.cloud.api.Capability;
import io.vantage.domain.catalogue.Plan;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceExpiration;
import io.vantage.domain.user.User;

/** Any instance as admins see it: who owns it, what it runs on, and when it goes. */
public record AdminInstanceView(String uid, String name, String state, String stateReason, Person owner, PlanRef plan,
                         ProviderRef provider, String computeId, String ipAddress, Instant createdAt,
                         Instant activatedAt, Instant lastInteractionAt, Instant terminationDate, Expiry expiry,
                         boolean deleteRequested) {

    public record Person(String id, String name) {
    }

    public record PlanRef(Long id, Long imageId, String image, String imageVersion, Long flavourId, String flavour) {
    }

    /**
     * @param lacks what the cloud cannot do of STOP_START and REBOOT (empty when it cannot be asked now: the
     *              worker then refuses with the real reason)
     */
    public record ProviderRef(Long id, String name, List<String> lacks) {

        public boolean can(String capability) {
            return !lacks.contains(capability);
        }
    }

    public record Expiry(String reason, Instant at) {
    }

    /** Call inside a transaction: the provider loads lazily. */
    static AdminInstanceView of(Instance instance, Optional<InstanceExpiration> expiration,
                                Predicate<Capability> supported) {
        User owner = instance.owner();
        Plan plan = instance.getPlan();
        return new AdminInstanceView(instance.getUid(), instance.getName(), instance.getState().name(),
                instance.getStateReason(), new Person(owner.getId(), owner.getFullName()),
                new PlanRef(plan.getId(), plan.getImage().getId(), plan.getImage().getName(),
                        plan.getImage().getVersion(), plan.getFlavour().getId(), plan.getFlavour().getName()),
                new ProviderRef(instance.getProvider().getId(), instance.getProvider().getName(),
                        Stream.of(Capability.STOP_START, Capability.REBOOT).filter(supported.negate())
                                .map(Enum::name).toList()),
                instance.getComputeId(), instance.getIpAddress(), instance.getCreatedAt(), instance.getActivatedAt(),
                instance.getLastInteractionAt(), instance.getTerminationDate(),
                expiration.map(e -> new Expiry(e.getReason().name(), e.getExpiresAt())).orElse(null),
                instance.isDeleteRequested());
    }
}
