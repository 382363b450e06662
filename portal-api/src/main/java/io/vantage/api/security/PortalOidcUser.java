package io.vantage.api.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** A browser login: the OIDC user plus the portal user id it was linked to. */
public class PortalOidcUser extends DefaultOidcUser implements PortalPrincipal {

    private final String userId;

    PortalOidcUser(String userId, Collection<? extends GrantedAuthority> authorities, OidcIdToken idToken,
                   OidcUserInfo userInfo) {
        super(authorities, idToken, userInfo, "sub");
        this.userId = userId;
    }

    @Override
    public String userId() {
        return userId;
    }

    @Override
    public String getName() {
        return userId;
    }
}
