package io.vantage.api.security;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import io.vantage.domain.user.SignIn;

/**
 * Turns a verified API token into the portal's person and roles. The lookup is remembered per token for
 * {@code vantage.auth.api-user-cache}: a script polling the API costs one database lookup per token and period.
 * Only the person and roles are remembered; what they may do to an instance is checked on every call.
 */
@Component
class PortalJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final int MAX_TOKENS = 10_000;

    private final ClaimMapper claims;
    private final SignIn signIn;
    private final Cache<String, SignIn.SignedInUser> resolved;

    PortalJwtConverter(ClaimMapper claims, SignIn signIn, AuthProperties properties) {
        this.claims = claims;
        this.signIn = signIn;
        Duration ttl = properties.apiUserCache();
        this.resolved = ttl.isZero() || ttl.isNegative() ? null
                : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(MAX_TOKENS).build();
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        SignIn.SignedInUser user = resolved == null ? resolve(jwt)
                : resolved.get(jwt.getTokenValue(), token -> resolve(jwt));
        return new PortalJwtAuthentication(jwt, user.id(), Authorities.of(user.roles()));
    }

    private SignIn.SignedInUser resolve(Jwt jwt) {
        return signIn.resolve(claims.identity(jwt.getClaims()));
    }
}
