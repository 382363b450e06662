package io.vantage.api.security;

import java.time.Duration;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.vantage.domain.user.SignIn;

/**
 * Turns a verified API token into the portal's person and roles. Who the token stands for (and the roles it
 * carries) is remembered per token for {@code vantage.auth.api-user-cache}, so a script polling the API costs one
 * identity lookup per token and period; the roles held are worked out on every call ({@link EffectiveRoles}): the
 * token's own roles plus the portal's grants, never roles an earlier token or login carried.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalJwtConverter implements Converter<Jwt, AbstractAuthenticationToken>, AccessChangeListener {

    private static final int MAX_TOKENS = 10_000;

    private record TokenUser(String userId, Set<String> tokenRoles) {
    }

    private final ClaimMapper claims;
    private final SignIn signIn;
    private final EffectiveRoles roles;
    private final Cache<String, TokenUser> resolved;

    PortalJwtConverter(ClaimMapper claims, SignIn signIn, EffectiveRoles roles, AuthProperties properties) {
        this.claims = claims;
        this.signIn = signIn;
        this.roles = roles;
        Duration ttl = properties.apiUserCache();
        this.resolved = ttl.isZero() || ttl.isNegative() ? null
                : Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(MAX_TOKENS).build();
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        TokenUser user = resolved == null ? resolve(jwt) : resolved.get(jwt.getTokenValue(), token -> resolve(jwt));
        return new PortalJwtAuthentication(jwt, user.userId(), user.tokenRoles(),
                Authorities.of(roles.of(user.userId(), user.tokenRoles())));
    }

    private TokenUser resolve(Jwt jwt) {
        SignIn.SignedInUser user = signIn.resolve(claims.identity(jwt.getClaims()));
        return new TokenUser(user.id(), user.loginRoles());
    }

    /** Called on the listener thread, never inside a lookup, so removing entries cannot recurse into the cache. */
    @Override
    public void accessChanged(AccessChange change) {
        if (resolved == null || change.instanceId() != null) {
            return;
        }
        if (change.userId() == null) {
            resolved.invalidateAll();
        } else {
            resolved.asMap().values().removeIf(user -> user.userId().equals(change.userId()));
        }
    }
}
