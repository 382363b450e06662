package io.vantage.cloud.openstack;

import io.vantage.cloud.api.HandOverAgent;
import java.time.Duration;
import java.util.List;

/**
 * Everything needed to reach one OpenStack project. The portal binds {@code vantage.cloud.openstack.*} or a cloud's
 * database JSON onto it; {@link OpenStackProviderFactory} validates it and names the setting that is wrong.
 *
 * <p>Authenticate with EITHER {@code username}/{@code password} (scoped to {@code projectId}, or {@code projectName}
 * in {@code projectDomain}) OR an application credential ({@code applicationCredentialId}/{@code ...Secret}),
 * which Keystone already binds to one project, so the project settings are then ignored.
 *
 * @param authUrl         Keystone v3, e.g. {@code https://keystone.example.org:5000/v3} ({@code /v3} is added if missing)
 * @param region          region of the catalogue endpoints; null takes the first endpoint of each service
 * @param userDomain      domain name of the user; {@code Default} when null
 * @param projectDomain   domain name of {@code projectName}; {@code Default} when null
 * @param networkIds      networks new servers are attached to when the request names none
 * @param floatingIpPool  external network name or id; when set, running servers get a floating IP from it and the
 *                        portal reaches them by that address only
 * @param connectTimeout  TCP connect timeout of every call; 10 s when null
 * @param readTimeout     longest wait for a response; 30 s when null (capped by the portal's call timeout)
 * @param catalogueTtl    how long images and flavours are cached; 60 s when null
 * @param poolAgentPort   where pool machines' hand-over agent listens (docs/image-contract.md); 5980 when null
 */
public record OpenStackSettings(String authUrl, String region,
                                String projectId, String projectName, String projectDomain,
                                String userDomain, String username, String password,
                                String applicationCredentialId, String applicationCredentialSecret,
                                List<String> networkIds, String floatingIpPool,
                                Duration connectTimeout, Duration readTimeout, Duration catalogueTtl,
                                Integer poolAgentPort) {

    static final String DEFAULT_DOMAIN = "Default";

    public OpenStackSettings {
        networkIds = networkIds == null ? List.of() : List.copyOf(networkIds);
        userDomain = blankToNull(userDomain) == null ? DEFAULT_DOMAIN : userDomain;
        projectDomain = blankToNull(projectDomain) == null ? DEFAULT_DOMAIN : projectDomain;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
        catalogueTtl = catalogueTtl == null ? Duration.ofSeconds(60) : catalogueTtl;
        poolAgentPort = poolAgentPort == null ? HandOverAgent.DEFAULT_PORT : poolAgentPort;
    }

    boolean usesApplicationCredential() {
        return blankToNull(applicationCredentialId) != null || blankToNull(applicationCredentialSecret) != null;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    // Settings end up in logs and error pages: the password and the credential secret must never be printed.
    @Override
    public String toString() {
        return "OpenStackSettings[authUrl=" + authUrl + ", region=" + region + ", projectId=" + projectId
                + ", projectName=" + projectName + ", projectDomain=" + projectDomain + ", userDomain=" + userDomain
                + ", username=" + username + ", password=" + mask(password)
                + ", applicationCredentialId=" + applicationCredentialId
                + ", applicationCredentialSecret=" + mask(applicationCredentialSecret)
                + ", networkIds=" + networkIds + ", floatingIpPool=" + floatingIpPool
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", catalogueTtl=" + catalogueTtl + ", poolAgentPort=" + poolAgentPort + "]";
    }

    private static String mask(String secret) {
        return secret == null ? null : "****";
    }
}
