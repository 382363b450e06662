package io.vantage.cloud.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProviderException;
import io.vantage.cloud.api.CloudTransientException;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Proxmox failures as the SPI's two kinds. Proxmox answers 500 for most refusals, so the message decides: a locked
 * VM ({@code VM is locked (clone)}), a lock file timeout, a cluster without quorum or a VM id taken meanwhile settle by
 * themselves; a missing storage or VM does not. Messages read "Could not {action}: ...".
 */
final class ProxmoxErrors {

    /** Refusals of HTTP 500 that a later attempt can get past. */
    private static final List<String> PASSING = List.of("is locked", "got timeout", "quorum", "already exists",
            "temporarily", "try again", "connection refused", "no route to host");
    private static final Set<Integer> UNAVAILABLE = Set.of(502, 503, 504, 595, 596, 599);

    private ProxmoxErrors() {
    }

    static CloudProviderException translate(String action, ProxmoxApi.Failure failure, Map<String, String> origins) {
        String detail = failure.getMessage() == null ? "" : ": " + trim(failure.getMessage());
        String head = "Could not " + action;
        int status = failure.status;
        if (status == 401) {
            return new CloudPermanentException(head + ": Proxmox did not accept the API token (HTTP 401); check "
                    + "settings token-id and token-secret", failure);
        }
        if (status == 403) {
            return new CloudPermanentException(head + ": the API token may not do this (HTTP 403" + detail + "); grant "
                    + "the user of setting token-id (and the token, if it has separated privileges) that privilege",
                    failure);
        }
        if (failure.errors != null && failure.errors.isObject() && failure.errors.size() > 0) {
            return new CloudPermanentException(head + ": Proxmox rejected " + parameters(failure.errors, origins),
                    failure);
        }
        if (status == 500) {
            String lower = failure.getMessage() == null ? "" : failure.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (PASSING.stream().anyMatch(lower::contains)) {
                return new CloudTransientException(head + ": Proxmox is busy with it" + detail, failure);
            }
            if (lower.contains("does not exist") || lower.contains("no such")) {
                return new CloudPermanentException(head + ": Proxmox does not know it" + detail, failure);
            }
            return new CloudTransientException(head + ": Proxmox failed (HTTP 500" + detail + ")", failure);
        }
        if (UNAVAILABLE.contains(status)) {
            return new CloudTransientException(head + ": Proxmox is unavailable (HTTP " + status + detail + ")",
                    failure);
        }
        return new CloudPermanentException(head + ": Proxmox refused it (HTTP " + status + detail + ")", failure);
    }

    static CloudProviderException unreachable(IOException e, Duration timeout) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return new CloudPermanentException("the TLS connection to the Proxmox API failed ("
                        + rootMessage(e) + "); check setting fingerprint or ca-cert-path", e);
            }
        }
        if (e instanceof HttpTimeoutException) {
            return new CloudTransientException("Proxmox did not answer within " + timeout.toSeconds() + " s", e);
        }
        if (e instanceof ConnectException) {
            return new CloudTransientException("cannot reach the Proxmox API (" + rootMessage(e) + ")", e);
        }
        return new CloudTransientException("the connection to the Proxmox API failed (" + rootMessage(e) + ")", e);
    }

    static CloudProviderException interrupted(InterruptedException e) {
        return new CloudTransientException("interrupted while waiting for Proxmox", e);
    }

    /** The same kind of failure, its message starting with what was being done. */
    static CloudProviderException withAction(String action, CloudProviderException e) {
        String message = "Could not " + action + ": " + e.getMessage();
        return e.isTransient() ? new CloudTransientException(message, e) : new CloudPermanentException(message, e);
    }

    private static String parameters(JsonNode errors, Map<String, String> origins) {
        List<String> each = new ArrayList<>();
        errors.fields().forEachRemaining(entry -> {
            String origin = origins.get(entry.getKey());
            each.add("parameter '" + entry.getKey() + "'" + (origin == null ? "" : " (from setting " + origin + ")")
                    + ": " + trim(entry.getValue().asText()));
        });
        return String.join("; ", each);
    }

    private static String trim(String message) {
        String flat = message.strip().replaceAll("\\s*\\n\\s*", "; ");
        return flat.endsWith(".") ? flat.substring(0, flat.length() - 1) : flat;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
