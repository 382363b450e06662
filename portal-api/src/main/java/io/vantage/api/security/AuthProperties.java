package io.vantage.api.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * How people log in. With no {@code oidc.issuer-uri}, the portal starts an embedded OIDC server with a demo login
 * page; with one, it logs in against that provider (Keycloak, UmbrellaID through Keycloak, EGI Check-in, ...).
 *
 * @param apiUserCache how long the person and roles behind one API token are remembered, so a client calling often
 *                     costs one lookup per token and period (the signature and expiry are checked on every call);
 *                     a role an admin takes away stops working on API tokens within this time. 0 turns it off.
 */
@ConfigurationProperties("vantage.auth")
public record AuthProperties(@DefaultValue Oidc oidc, @DefaultValue Embedded embedded,
                             @DefaultValue("30s") Duration apiUserCache) {

    /**
     * @param issuerUri  the provider's issuer; discovery happens on first use so a provider that is down at startup
     *                   does not stop the portal
     * @param audience   required in API tokens' {@code aud}; defaults to the client id
     * @param roleMapping provider role or group name → portal role; names equal to a portal role map to it anyway
     */
    public record Oidc(String issuerUri,
                       @DefaultValue("vantage-portal") String clientId,
                       String clientSecret,
                       @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
                       String audience,
                       @DefaultValue Claims claims,
                       @DefaultValue Map<String, String> roleMapping,
                       @DefaultValue("10s") Duration timeout) {

        public boolean isExternal() {
            return StringUtils.hasText(issuerUri);
        }

        public String requiredAudience() {
            return StringUtils.hasText(audience) ? audience : clientId;
        }
    }

    /**
     * Which claims carry what. {@code roles} may be a dotted path into nested claims, e.g. Keycloak's
     * {@code realm_access.roles}.
     */
    public record Claims(@DefaultValue("sub") String userId,
                         @DefaultValue("given_name") String firstName,
                         @DefaultValue("family_name") String lastName,
                         @DefaultValue("email") String email,
                         @DefaultValue("email_verified") String emailVerified,
                         @DefaultValue("roles") String roles) {
    }

    /** The embedded OIDC server used when no issuer is configured; 0 picks a free port. */
    public record Embedded(@DefaultValue("0") int port, @DefaultValue("localhost") String host) {
    }
}
