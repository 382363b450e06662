package io.vantage.api.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import io.vantage.domain.user.SignIn;

@Component
class PortalJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final ClaimMapper claims;
    private final SignIn signIn;

    PortalJwtConverter(ClaimMapper claims, SignIn signIn) {
        this.claims = claims;
        this.signIn = signIn;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        SignIn.SignedInUser user = signIn.resolve(claims.identity(jwt.getClaims()));
        return new PortalJwtAuthentication(jwt, user.id(), Authorities.of(user.roles()));
    }
}
