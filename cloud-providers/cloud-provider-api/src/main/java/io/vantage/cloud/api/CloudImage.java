package io.vantage.cloud.api;

import java.util.Map;

/** An image the cloud can boot; {@code sizeBytes} is 0 when unknown. */
public record CloudImage(String id, String name, String status, long sizeBytes, Map<String, String> properties) {

    public CloudImage {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }
}
