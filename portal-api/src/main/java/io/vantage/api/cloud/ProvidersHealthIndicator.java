package io.vantage.api.cloud;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Each configured cloud's health; DOWN when an enabled one does not answer (the portal itself stays ready). */
@Component("clouds")
class ProvidersHealthIndicator implements HealthIndicator {

    private final ProviderRegistry registry;

    ProvidersHealthIndicator(ProviderRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        Health.Builder builder = Health.up();
        for (ProviderStatus status : registry.statuses()) {
            if (status.enabled() && !status.up()) {
                builder.down();
            }
            builder.withDetail(status.name(), (status.up() ? "UP" : status.enabled() ? "DOWN" : "DISABLED")
                    + (status.message() == null ? "" : ": " + status.message()));
        }
        return builder.build();
    }
}
