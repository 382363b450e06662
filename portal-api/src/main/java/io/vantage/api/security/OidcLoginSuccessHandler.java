package io.vantage.api.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After a login, records which provider session the portal session belongs to, for back-channel logout. Done
 * here rather than among the session strategies: those run before the session id changes (fixation protection),
 * and would record the id the session no longer has.
 */
class OidcLoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

    private final PortalSessions sessions;

    OidcLoginSuccessHandler(PortalSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && authentication.getPrincipal() instanceof OidcUser user
                && user instanceof PortalPrincipal principal) {
            sessions.registerLogin(session.getId(), String.valueOf(user.getIssuer()), user.getSubject(),
                    user.getIdToken().getClaimAsString("sid"), principal.userId());
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }
}
