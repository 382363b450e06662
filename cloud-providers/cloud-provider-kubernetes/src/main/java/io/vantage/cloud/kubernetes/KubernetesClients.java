package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.vantage.cloud.api.CloudPermanentException;

import java.io.File;
import java.time.Duration;

/** Builds a client from settings without calling the cluster (only local files are read). */
final class KubernetesClients {

    private KubernetesClients() {
    }

    static KubernetesClient create(KubernetesSettings settings, Duration defaultTimeout) {
        Config base = base(settings);
        ConfigBuilder config = new ConfigBuilder(base).withNamespace(settings.namespace())
                .withConnectionTimeout(millis(settings.connectTimeout(), defaultTimeout))
                .withRequestTimeout(millis(settings.requestTimeout(), defaultTimeout))
                // retrying belongs to the portal's command queue, which knows how long the user has waited
                .withRequestRetryBackoffLimit(0);
        if (!KubernetesSettings.blank(settings.apiServerUrl())) {
            config.withMasterUrl(settings.apiServerUrl());
        }
        if (!KubernetesSettings.blank(settings.token())) {
            config.withOauthToken(settings.token());
        }
        if (!KubernetesSettings.blank(settings.caCertPath())) {
            config.withCaCertFile(settings.caCertPath());
        }
        if (settings.trustCerts()) {
            config.withTrustCerts(true).withDisableHostnameVerification(true);
        }
        return new KubernetesClientBuilder().withConfig(config.build()).build();
    }

    /**
     * An explicit API server URL starts from an empty configuration, so a stray kubeconfig on the portal's machine
     * cannot add credentials meant for another cluster.
     */
    private static Config base(KubernetesSettings settings) {
        if (!KubernetesSettings.blank(settings.kubeconfigPath())) {
            File file = new File(settings.kubeconfigPath());
            if (!file.canRead()) {
                throw new CloudPermanentException("kubeconfigPath " + file + " cannot be read");
            }
            return Config.fromKubeconfig(file);
        }
        if (!KubernetesSettings.blank(settings.apiServerUrl())) {
            return Config.empty();
        }
        return Config.autoConfigure(null);
    }

    private static int millis(Duration value, Duration fallback) {
        Duration chosen = value != null ? value : fallback;
        return (int) Math.min(Integer.MAX_VALUE, chosen.toMillis());
    }
}
