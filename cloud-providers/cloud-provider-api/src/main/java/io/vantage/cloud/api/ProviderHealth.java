package io.vantage.cloud.api;

import java.time.Duration;

public record ProviderHealth(boolean up, String message, Duration latency) {

    public static ProviderHealth up(Duration latency) {
        return new ProviderHealth(true, "OK", latency);
    }

    public static ProviderHealth down(String message) {
        return new ProviderHealth(false, message, Duration.ZERO);
    }
}
