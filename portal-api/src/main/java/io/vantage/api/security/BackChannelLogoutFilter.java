package io.vantage.api.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * OIDC Back-Channel Logout: the identity provider posts a signed logout token to
 * {@code /logout/connect/back-channel/vantage} when a person signs out there (or an admin ends their provider
 * session), and the portal ends the matching sessions on every replica ({@link PortalSessions}).
 *
 * <p>The same endpoint and checks as Spring Security's {@code oidcLogout().backChannel()}, which cannot be used
 * as is: it fetches the provider's keys for every logout without any timeout (no way to set one), and relays the
 * logout to its own {@code /logout} over HTTP with the session cookie, where a database lookup suffices.
 */
class BackChannelLogoutFilter extends OncePerRequestFilter {

    static final String PATH = "/logout/connect/back-channel/{registrationId}";
    private static final Logger log = LoggerFactory.getLogger(BackChannelLogoutFilter.class);

    private final RequestMatcher matcher = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, PATH);
    private final ClientRegistrationRepository registrations;
    private final PortalSessions sessions;
    private final AuthProperties properties;
    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

    BackChannelLogoutFilter(ClientRegistrationRepository registrations, PortalSessions sessions,
                            AuthProperties properties) {
        this.registrations = registrations;
        this.sessions = sessions;
        this.properties = properties;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestMatcher.MatchResult match = matcher.matcher(request);
        if (!match.isMatch()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        String token = request.getParameter("logout_token");
        if (token == null || token.isBlank()) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, "invalid_request", "logout_token is missing");
            return;
        }
        ClientRegistration registration;
        try {
            registration = registrations.findByRegistrationId(match.getVariables().get("registrationId"));
        } catch (IdentityProviderUnavailableException e) {
            error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "temporarily_unavailable", e.getMessage());
            return;
        }
        if (registration == null) {
            error(response, HttpServletResponse.SC_BAD_REQUEST, "invalid_request", "no such client registration");
            return;
        }
        Jwt logout;
        try {
            logout = decoder(registration).decode(token);
        } catch (BadJwtException e) {
            log.warn("Refused a back-channel logout: {}", e.getMessage());
            error(response, HttpServletResponse.SC_BAD_REQUEST, "invalid_request", e.getMessage());
            return;
        } catch (JwtException e) {
            log.warn("Could not check a back-channel logout (identity provider keys unavailable): {}", e.getMessage());
            error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "temporarily_unavailable",
                    "the identity provider's keys could not be read");
            return;
        }
        sessions.endProviderSession(String.valueOf(logout.getClaims().get("iss")), logout.getSubject(),
                logout.getClaimAsString("sid"));
        response.setStatus(HttpServletResponse.SC_OK);
    }

    private JwtDecoder decoder(ClientRegistration registration) {
        return decoders.computeIfAbsent(registration.getProviderDetails().getJwkSetUri(), keys -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(keys)
                    .restOperations(IdentityProviderHttp.plain(properties.oidc().timeout())).build();
            decoder.setJwtValidator(new LogoutTokenValidator(registration.getProviderDetails().getIssuerUri(),
                    registration.getClientId(), properties.clockSkew()));
            return decoder;
        });
    }

    private static void error(HttpServletResponse response, int status, String code, String description)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"error\":\"" + code + "\",\"error_description\":\""
                + description.replace("\\", "").replace("\"", "'") + "\"}");
    }
}
