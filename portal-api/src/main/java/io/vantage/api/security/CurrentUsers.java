package io.vantage.api.security;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the portal user out of whatever authenticated the request (browser login or bearer token). */
public final class CurrentUsers {

    private CurrentUsers() {
    }

    public static Optional<CurrentUser> of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        String id = null;
        if (authentication instanceof PortalPrincipal principal) {
            id = principal.userId();
        } else if (authentication.getPrincipal() instanceof PortalPrincipal principal) {
            id = principal.userId();
        }
        return Optional.ofNullable(id).map(userId -> new CurrentUser(userId, Authorities.roles(authentication.getAuthorities())));
    }

    public static Optional<CurrentUser> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }
}
