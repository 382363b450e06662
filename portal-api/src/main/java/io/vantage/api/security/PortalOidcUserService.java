package io.vantage.api.security;

import java.util.HashMap;
import java.util.Map;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

import io.vantage.domain.user.SignIn;

/** After the provider vouched for someone: link or create the portal user and load their roles. */
@Component
class PortalOidcUserService extends OidcUserService {

    private final ClaimMapper claims;
    private final SignIn signIn;

    PortalOidcUserService(ClaimMapper claims, SignIn signIn, AuthProperties properties) {
        this.claims = claims;
        this.signIn = signIn;
        DefaultOAuth2UserService userInfo = new DefaultOAuth2UserService();
        userInfo.setRestOperations(IdentityProviderHttp.userInfo(properties.oidc().timeout()));
        setOauth2UserService(userInfo);
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser oidcUser = super.loadUser(request);
        Map<String, Object> all = new HashMap<>(oidcUser.getClaims());
        // Access-token-only claims (Keycloak puts roles there by default) count too.
        all.putAll(AccessTokenClaims.read(request.getAccessToken().getTokenValue()));
        all.putAll(oidcUser.getClaims());
        SignIn.SignedInUser user = signIn.signIn(claims.identity(all));
        return new PortalOidcUser(user.id(), user.loginRoles(), Authorities.of(user.roles()), oidcUser.getIdToken(),
                oidcUser.getUserInfo());
    }
}
