package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProviderException;
import io.vantage.cloud.api.CloudTransientException;

import java.util.Locale;
import java.util.function.Supplier;

/** Turns fabric8 failures into the two kinds the portal acts on, with a message a person can act on. */
final class ApiErrors {

    private final String namespace;

    ApiErrors(String namespace) {
        this.namespace = namespace;
    }

    <T> T call(String action, Supplier<T> call) {
        try {
            return call.get();
        } catch (KubernetesClientException e) {
            throw translate(action, e);
        }
    }

    void run(String action, Runnable call) {
        call(action, () -> {
            call.run();
            return null;
        });
    }

    CloudProviderException translate(String action, KubernetesClientException e) {
        int code = e.getCode();
        String detail = detail(e);
        String where = action + " in namespace '" + namespace + "'";
        // no HTTP answer at all (refused, reset, timed out): fabric8 8 reports -1, older versions 0
        if (code <= 0) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new CloudTransientException("Kubernetes API server did not answer while trying to " + where
                    + ": " + rootMessage(e), e);
        }
        if (code == 403 && detail.toLowerCase(Locale.ROOT).contains("exceeded quota")) {
            return new CloudPermanentException("The Kubernetes quota of namespace '" + namespace
                    + "' does not allow this: " + detail, e);
        }
        return switch (code) {
            case 401 -> new CloudPermanentException("Kubernetes did not accept the credentials while trying to "
                    + where + " (401): check the token or kubeconfig", e);
            case 403 -> new CloudPermanentException("Kubernetes forbids the portal to " + where
                    + " (403): grant the service account this permission. " + detail, e);
            case 400, 404, 422 -> new CloudPermanentException("Kubernetes rejected the request to " + where
                    + " (" + code + "): " + detail, e);
            // 409 is a race with another writer and 429 is throttling: both settle by themselves
            default -> code == 409 || code == 429 || code >= 500
                    ? new CloudTransientException("Kubernetes API server failed to " + where + " (" + code + "): "
                    + detail, e)
                    : new CloudPermanentException("Kubernetes refused to " + where + " (" + code + "): " + detail, e);
        };
    }

    static boolean isNotFound(KubernetesClientException e) {
        return e.getCode() == 404;
    }

    static boolean isConflict(KubernetesClientException e) {
        return e.getCode() == 409;
    }

    private static String detail(KubernetesClientException e) {
        Status status = e.getStatus();
        if (status != null && status.getMessage() != null && !status.getMessage().isBlank()) {
            return status.getMessage();
        }
        return String.valueOf(e.getMessage());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
