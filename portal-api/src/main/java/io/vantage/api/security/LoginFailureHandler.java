package io.vantage.api.security;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A failed login shows the person a sentence they can act on and logs the technical reason for the admin (never
 * tokens or codes).
 */
public class LoginFailureHandler implements AuthenticationFailureHandler {

    public static final String SESSION_ATTRIBUTE = "VANTAGE_LOGIN_ERROR";
    private static final Logger log = LoggerFactory.getLogger(LoginFailureHandler.class);

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String message = messageFor(exception);
        log.warn("Login failed: {} ({})", message, exception.getClass().getSimpleName());
        request.getSession(true).setAttribute(SESSION_ATTRIBUTE, message);
        response.sendRedirect(request.getContextPath() + "/login-error");
    }

    static String messageFor(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof IdentityProviderUnavailableException) {
                return t.getMessage();
            }
            if (t instanceof SocketTimeoutException || t instanceof ConnectException) {
                return "The login service did not answer in time. Please try again in a few minutes.";
            }
        }
        if (exception instanceof OAuth2AuthenticationException oauth) {
            String code = oauth.getError().getErrorCode();
            if (ClaimMapper.MISSING_CLAIM.equals(code)) {
                return oauth.getError().getDescription();
            }
            if ("invalid_token_response".equals(code) || "invalid_user_info_response".equals(code)) {
                return "The login service did not answer properly. Please try again in a few minutes.";
            }
            if ("authorization_request_not_found".equals(code)) {
                return "Your login took too long or was started in another window. Please sign in again.";
            }
        }
        return "Signing in did not work. Please try again; if it keeps failing, contact the facility's IT support.";
    }
}
