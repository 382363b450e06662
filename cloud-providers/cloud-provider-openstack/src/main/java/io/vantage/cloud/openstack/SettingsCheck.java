package io.vantage.cloud.openstack;

import static io.vantage.cloud.openstack.OpenStackSettings.blankToNull;

import io.vantage.cloud.api.CloudPermanentException;
import java.net.URI;
import java.time.Duration;

/** Rejects settings that can never work, before the first call, with a message naming the setting to fix. */
final class SettingsCheck {

    private SettingsCheck() {
    }

    static void validate(String providerName, OpenStackSettings settings) {
        if (settings == null) {
            throw invalid(providerName, "settings", "are missing");
        }
        checkAuthUrl(providerName, settings.authUrl());
        if (settings.usesApplicationCredential()) {
            require(providerName, "application-credential-id", settings.applicationCredentialId());
            require(providerName, "application-credential-secret", settings.applicationCredentialSecret());
            if (blankToNull(settings.username()) != null || blankToNull(settings.password()) != null) {
                throw invalid(providerName, "username/password",
                        "must be left empty when an application credential is configured (use one or the other)");
            }
        } else {
            if (blankToNull(settings.username()) == null && blankToNull(settings.password()) == null) {
                throw invalid(providerName, "username/password or application-credential-id/application-credential-secret",
                        "are missing: configure one way to authenticate");
            }
            require(providerName, "username", settings.username());
            require(providerName, "password", settings.password());
            if (blankToNull(settings.projectId()) == null && blankToNull(settings.projectName()) == null) {
                throw invalid(providerName, "project-id or project-name", "is missing: password login needs a project");
            }
        }
        positive(providerName, "connect-timeout", settings.connectTimeout());
        positive(providerName, "read-timeout", settings.readTimeout());
        if (settings.catalogueTtl().isNegative()) {
            throw invalid(providerName, "catalogue-ttl", "must not be negative, was " + settings.catalogueTtl());
        }
        for (String network : settings.networkIds()) {
            require(providerName, "network-ids", network);
        }
        if (settings.poolAgentPort() < 1 || settings.poolAgentPort() > 65535) {
            throw invalid(providerName, "pool-agent-port", "must be a port (1-65535), was " + settings.poolAgentPort());
        }
    }

    private static void checkAuthUrl(String providerName, String authUrl) {
        require(providerName, "auth-url", authUrl);
        try {
            URI uri = URI.create(authUrl.trim());
            if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw invalid(providerName, "auth-url", "must be an http(s) URL of Keystone v3, was '" + authUrl + "'");
            }
        } catch (IllegalArgumentException e) {
            throw invalid(providerName, "auth-url", "is not a URL: '" + authUrl + "'");
        }
    }

    private static void require(String providerName, String setting, String value) {
        if (blankToNull(value) == null) {
            throw invalid(providerName, setting, "is missing");
        }
    }

    private static void positive(String providerName, String setting, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw invalid(providerName, setting, "must be positive, was " + value);
        }
    }

    private static CloudPermanentException invalid(String providerName, String setting, String problem) {
        return new CloudPermanentException("OpenStack provider '" + providerName + "': setting " + setting + " "
                + problem + ".");
    }
}
