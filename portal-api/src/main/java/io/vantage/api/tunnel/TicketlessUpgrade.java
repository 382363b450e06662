package io.vantage.api.tunnel;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.RequestUpgradeStrategy;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;

/**
 * The standard upgrade, minus the ticket: the websocket session keeps its request URI, and Spring's own debug and
 * error logs print the session with it. The ticket is redeemed (and useless) by now, but still has no business in a
 * log file.
 */
public final class TicketlessUpgrade implements RequestUpgradeStrategy {

    private final StandardWebSocketUpgradeStrategy standard = new StandardWebSocketUpgradeStrategy();

    @Override
    public String[] getSupportedVersions() {
        return standard.getSupportedVersions();
    }

    @Override
    public List<WebSocketExtension> getSupportedExtensions(ServerHttpRequest request) {
        return standard.getSupportedExtensions(request);
    }

    @Override
    public void upgrade(ServerHttpRequest request, ServerHttpResponse response, String selectedProtocol,
                        List<WebSocketExtension> selectedExtensions, Principal user, WebSocketHandler wsHandler,
                        Map<String, Object> attributes) {
        HttpServletRequest servlet = ((ServletServerHttpRequest) request).getServletRequest();
        standard.upgrade(new ServletServerHttpRequest(new WithoutTicket(servlet)), response, selectedProtocol,
                selectedExtensions, user, wsHandler, attributes);
    }

    public static String withoutTicket(String query) {
        if (query == null) {
            return null;
        }
        String rest = Arrays.stream(query.split("&")).filter(p -> !p.equals("ticket") && !p.startsWith("ticket="))
                .collect(Collectors.joining("&"));
        return rest.isEmpty() ? null : rest;
    }

    private static final class WithoutTicket extends HttpServletRequestWrapper {

        WithoutTicket(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getQueryString() {
            return withoutTicket(super.getQueryString());
        }
    }
}
