package io.vantage.api.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security lets a token check that could not even be attempted (provider unreachable) escape as a 500; an
 * API caller should instead learn that the service is briefly unavailable and may retry.
 */
class ProviderOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ProviderOutageFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (AuthenticationServiceException e) {
            log.warn("Could not check an API token: {}", e.getMessage());
            if (response.isCommitted()) {
                throw e;
            }
            response.setHeader("Retry-After", "30");
            ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Identity provider unavailable",
                    "The identity provider could not be reached to check your access token. Please retry shortly.",
                    request.getRequestURI());
        }
    }
}
