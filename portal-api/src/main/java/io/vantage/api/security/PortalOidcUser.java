package io.vantage.api.security;

import java.io.Serial;
import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * A browser login: the OIDC user, the portal user id it was linked to and the roles its tokens carried. Kept in
 * the session (serialized into the database); the authorities it was created with are only those at login; every
 * request replaces them with the roles held then ({@link SessionRolesFilter}).
 */
public class PortalOidcUser extends DefaultOidcUser implements PortalPrincipal {

    @Serial
    private static final long serialVersionUID = 2L;

    private final String userId;
    private final Set<String> loginRoles;

    PortalOidcUser(String userId, Set<String> loginRoles, Collection<? extends GrantedAuthority> authorities,
                   OidcIdToken idToken, OidcUserInfo userInfo) {
        super(authorities, idToken, userInfo, "sub");
        this.userId = userId;
        this.loginRoles = Set.copyOf(loginRoles);
    }

    @Override
    public String userId() {
        return userId;
    }

    @Override
    public Set<String> loginRoles() {
        return loginRoles;
    }

    @Override
    public String getName() {
        return userId;
    }
}
