package io.vantage.api.security;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Reads the portal user out of whatever authenticated the request (browser login or bearer token). The roles are
 * those held for this request: filled in per request from the database, never the ones remembered at login.
 */
public final class CurrentUsers {

    private CurrentUsers() {
    }

    public static Optional<CurrentUser> of(Authentication authentication) {
        return principal(authentication).map(principal -> new CurrentUser(principal.userId(),
                Authorities.roles(authentication.getAuthorities())));
    }

    public static Optional<CurrentUser> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The roles the current login or token carries by itself (see {@link EffectiveRoles} for what they add up to). */
    public static Set<String> loginRoles() {
        return principal(SecurityContextHolder.getContext().getAuthentication()).map(PortalPrincipal::loginRoles)
                .orElse(Set.of());
    }

    /** Whether the current request is authenticated by a browser session rather than a bearer token. */
    public static boolean bySession() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof PortalOidcUser;
    }

    /** The browser session the current request is authenticated by; null for a bearer token or no session. */
    public static String sessionId(jakarta.servlet.http.HttpServletRequest request) {
        jakarta.servlet.http.HttpSession session = bySession() ? request.getSession(false) : null;
        return session == null ? null : session.getId();
    }

    private static Optional<PortalPrincipal> principal(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        if (authentication instanceof PortalPrincipal principal) {
            return Optional.of(principal);
        }
        if (authentication.getPrincipal() instanceof PortalPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }
}
