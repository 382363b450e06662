package io.vantage.api.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser session remembers who logged in and the roles their login token carried, not what they may do: on
 * every request this replaces the session's authentication with one holding the roles held now (login roles plus
 * current grants, {@link EffectiveRoles}), for this request only. The session keeps what it had, so a revoked or
 * expired grant is gone from the next request, and a re-granted one is back, without a new login.
 */
class SessionRolesFilter extends OncePerRequestFilter {

    private final EffectiveRoles roles;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SessionRolesFilter(EffectiveRoles roles) {
        this.roles = roles;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = holder.getContext().getAuthentication();
        if (authentication instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof PortalOidcUser user) {
            OAuth2AuthenticationToken now = new OAuth2AuthenticationToken(user,
                    Authorities.of(roles.of(user.userId(), user.loginRoles())), token.getAuthorizedClientRegistrationId());
            now.setDetails(token.getDetails());
            // A new context object: the one loaded from the session must not change (and is never saved back).
            SecurityContext context = holder.createEmptyContext();
            context.setAuthentication(now);
            holder.setContext(context);
        }
        chain.doFilter(request, response);
    }

    /** Error pages show the person's current roles too (the admin link, for example). */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response,
                                               FilterChain chain) throws ServletException, IOException {
        doFilterInternal(request, response, chain);
    }
}
