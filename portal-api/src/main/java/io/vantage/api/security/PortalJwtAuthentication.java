package io.vantage.api.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** An API call with a bearer token, resolved to a portal user. */
public class PortalJwtAuthentication extends JwtAuthenticationToken implements PortalPrincipal {

    private final String userId;

    PortalJwtAuthentication(Jwt jwt, String userId, Collection<? extends GrantedAuthority> authorities) {
        super(jwt, authorities, userId);
        this.userId = userId;
    }

    @Override
    public String userId() {
        return userId;
    }
}
