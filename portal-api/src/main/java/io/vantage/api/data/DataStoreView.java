package io.vantage.api.data;

import java.time.Instant;

import io.vantage.domain.data.DataStore;

/**
 * A data store as admins see it; the credential never leaves the portal ({@code secretSet} says whether one is kept).
 */
public record DataStoreView(Long id, String name, String description, String instrumentId, Long providerId,
                            String kind, String server, String rootPath, String rawRule, String processedRule,
                            String mountOptions, boolean secretSet, boolean enabled, Instant createdAt,
                            Instant updatedAt) {

    static DataStoreView of(DataStore s) {
        return new DataStoreView(s.getId(), s.getName(), s.getDescription(), s.getInstrumentId(), s.getProviderId(),
                s.getKind().name(), s.getServer(), s.getRootPath(), s.getRawRule(), s.getProcessedRule(),
                s.getMountOptions(), s.getSecret() != null, s.isEnabled(), s.getCreatedAt(), s.getUpdatedAt());
    }
}
