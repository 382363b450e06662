package io.vantage.api.cloud;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.cloud.api.CloudPermanentException;

/** Turns settings JSON from the database (providers admins added) into a provider's typed settings record. */
final class SettingsBinder {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private SettingsBinder() {
    }

    static <S> S fromJson(String json, Class<S> type) {
        try {
            return JSON.readValue(json == null || json.isBlank() ? "{}" : json, type);
        } catch (RuntimeException e) {
            throw new CloudPermanentException("Invalid provider settings: " + rootMessage(e), e);
        }
    }

    static String toJson(Object settings) {
        return JSON.writeValueAsString(settings);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
