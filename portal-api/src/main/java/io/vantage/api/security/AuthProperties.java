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
 * @param apiUserCache     how long the person behind one API token (and the token's roles) is remembered, so a
 *                         client calling often costs one lookup per token and period; signature and expiry are
 *                         checked on every call, and portal grants come from {@code roleCache}. 0 turns it off.
 * @param roleCache        how long a person's portal and user-office grants are remembered between requests; an
 *                         access change (grant, revocation, ended sessions) clears them at once on every replica,
 *                         so this only bounds changes made behind the portal's back (the nightly import). 0 = none.
 * @param clockSkew        tolerance for the identity provider's clock when checking tokens' exp, nbf and iat
 * @param grantExpiryCheck how often one replica looks for role grants that ran out and tells every replica's open
 *                         connections (requests see an expiry at once without it)
 * @param sessionExpiryCheck how often each replica looks whether the browser sessions its open desktops, notebook
 *                         websockets and event streams came from still exist; those of a session that timed out or
 *                         was removed are closed on every replica ("Your portal session expired."); just before,
 *                         it moves forward the last access of sessions used inside their desktops and notebooks
 */
@ConfigurationProperties("vantage.auth")
public record AuthProperties(@DefaultValue Oidc oidc, @DefaultValue Embedded embedded,
                             @DefaultValue("30s") Duration apiUserCache,
                             @DefaultValue("5s") Duration roleCache,
                             @DefaultValue("30s") Duration clockSkew,
                             @DefaultValue("1s") Duration grantExpiryCheck,
                             @DefaultValue("2s") Duration sessionExpiryCheck) {

    public AuthProperties {
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofSeconds(30)) > 0) {
            throw new IllegalArgumentException("vantage.auth.clock-skew must be between 0 and 30s, not " + clockSkew);
        }
    }

    /**
     * @param issuerUri   the provider's issuer; discovery happens on first use so a provider that is down at startup
     *                    does not stop the portal
     * @param audience    required in API tokens' {@code aud}; defaults to the client id
     * @param roleMapping provider role or group name → portal role; names equal to a portal role map to it anyway
     * @param timeout     connect and read timeout of every call to the provider (discovery, token endpoint, keys,
     *                    user info); a provider that does not answer within it gives the login error page
     */
    public record Oidc(String issuerUri,
                       @DefaultValue("vantage-portal") String clientId,
                       String clientSecret,
                       @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
                       String audience,
                       @DefaultValue Claims claims,
                       @DefaultValue Map<String, String> roleMapping,
                       @DefaultValue("5s") Duration timeout) {

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
