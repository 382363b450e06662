package io.vantage.api.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * API callers get RFC 9457 problem+json for 401 and 403, never a login page. A refused token says precisely what
 * is wrong with it ({@code reason}: expired, audience, id_token, signature, missing_claim, ...), in the body and in
 * the RFC 6750 {@code WWW-Authenticate} header.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (request.getHeader("Authorization") == null) {
            response.setHeader("WWW-Authenticate", "Bearer");
            write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "Sign in, or send an OIDC access token as 'Authorization: Bearer <token>'.", request.getRequestURI(),
                    null);
            return;
        }
        RefusedToken refused = TokenRefusals.of(e);
        String detail = "The access token was refused: " + refused.getDescription() + ".";
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\", error_description=\""
                + refused.getDescription().replace("\\", "").replace("\"", "'") + "\"");
        write(response, HttpStatus.UNAUTHORIZED, "Access token refused", detail, request.getRequestURI(),
                refused.reason());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, HttpStatus.FORBIDDEN, "Forbidden", "You are not allowed to do this.", request.getRequestURI(),
                null);
    }

    static void write(HttpServletResponse response, HttpStatus status, String title, String detail, String instance)
            throws IOException {
        write(response, status, title, detail, instance, null);
    }

    private static void write(HttpServletResponse response, HttpStatus status, String title, String detail,
                              String instance, String reason) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + json(title) + "\",\"status\":"
                + status.value() + ",\"detail\":\"" + json(detail) + "\",\"instance\":\"" + json(instance) + "\""
                + (reason == null ? "" : ",\"reason\":\"" + json(reason) + "\"") + "}");
    }

    private static String json(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
