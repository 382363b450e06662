package io.vantage.api.cloud;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Each configured cloud's health as last recorded by {@link CloudWatch} (never asked here, so this answers at once);
 * DOWN when an enabled one did not answer (the portal itself stays ready).
 */
@Component("clouds")
class ProvidersHealthIndicator implements HealthIndicator {

    private final ProviderStatuses statuses;

    ProvidersHealthIndicator(ProviderStatuses statuses) {
        this.statuses = statuses;
    }

    @Override
    public Health health() {
        Health.Builder builder = Health.up();
        for (ProviderStatus status : statuses.all()) {
            boolean asked = status.checkedAt() != null;
            if (status.enabled() && !status.up() && (asked || !status.loaded())) {
                builder.down();
            }
            builder.withDetail(status.name(), (status.up() ? "UP" : !status.enabled() ? "DISABLED"
                    : status.loaded() && !asked ? "UNKNOWN" : "DOWN")
                    + (status.message() == null ? "" : ": " + status.message())
                    + (asked ? " (as of " + status.checkedAt() + ")" : ""));
        }
        return builder.build();
    }
}
