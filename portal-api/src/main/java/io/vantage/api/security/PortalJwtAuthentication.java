package io.vantage.api.security;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** An API call with a bearer token, resolved to a portal user. */
public class PortalJwtAuthentication extends JwtAuthenticationToken implements PortalPrincipal {

    private final String userId;
    private final Set<String> tokenRoles;

    PortalJwtAuthentication(Jwt jwt, String userId, Set<String> tokenRoles,
                            Collection<? extends GrantedAuthority> authorities) {
        super(jwt, authorities, userId);
        this.userId = userId;
        this.tokenRoles = Set.copyOf(tokenRoles);
    }

    @Override
    public String userId() {
        return userId;
    }

    @Override
    public Set<String> loginRoles() {
        return tokenRoles;
    }
}
