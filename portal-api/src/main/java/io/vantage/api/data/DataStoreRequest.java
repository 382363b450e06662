package io.vantage.api.data;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.vantage.domain.data.DataStore;
import io.vantage.domain.data.DataStoreKind;

/**
 * What an admin gives for a data store ({@code docs/api-admin.md}).
 *
 * @param secret null or {@code ****} keeps the stored credential, an empty string removes it
 */
public record DataStoreRequest(
        @NotBlank(message = "give the store a name") @Size(max = 64, message = "at most 64 characters")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "letters, digits, '.', '_' and '-'") String name,
        @Size(max = 1000, message = "at most 1000 characters") String description,
        @Size(max = 64) String instrumentId,
        Long providerId,
        @NotBlank(message = "choose how machines reach the data")
        @Pattern(regexp = "LOCAL|NFS|DCACHE_NFS41|CEPHFS|KUBERNETES_CLAIM|CSI",
                message = "must be LOCAL, NFS, DCACHE_NFS41, CEPHFS, KUBERNETES_CLAIM or CSI") String kind,
        @Size(max = 1000, message = "at most 1000 characters") String server,
        @NotBlank(message = "give the folder under which the data is named")
        @Size(max = 1024, message = "at most 1024 characters") String rootPath,
        @Size(max = 1024, message = "at most 1024 characters") String rawRule,
        @Size(max = 1024, message = "at most 1024 characters") String processedRule,
        @Size(max = 1000, message = "at most 1000 characters") String mountOptions,
        @Size(max = 4000, message = "at most 4000 characters") String secret,
        Boolean enabled) {

    /** The facility's usual layout when no rule is given. */
    public static final String DEFAULT_RAW_RULE = "{instrument}/{year}/{proposal}/{experiment}";

    DataStore.Definition definition() {
        return new DataStore.Definition(name, description, instrumentId, providerId, DataStoreKind.valueOf(kind), server,
                rootPath, rawRule == null || rawRule.isBlank() ? DEFAULT_RAW_RULE : rawRule, processedRule,
                mountOptions, enabled == null || enabled);
    }
}
