package io.vantage.api.tunnel;

import java.security.Principal;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
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
 * The standard upgrade for desktop tunnels, with two differences.
 * <ul>
 * <li>The ticket is gone: the websocket session keeps its request URI, and Spring's own debug and error logs print
 * the session with it. The ticket is redeemed (and useless) by now, but still has no business in a log file.</li>
 * <li>No permessage-deflate unless asked for: browsers always offer it, and Tomcat accepts it by itself whatever
 * Spring selected (it negotiates from the request's header), so the container never sees the offer. VNC and guacd
 * send images they have already encoded; deflating them again costs ~20x the relay's CPU per megabyte for
 * little gain.</li>
 * </ul>
 */
public final class TicketlessUpgrade implements RequestUpgradeStrategy {

    static final String EXTENSIONS_HEADER = "Sec-WebSocket-Extensions";

    private final StandardWebSocketUpgradeStrategy standard = new StandardWebSocketUpgradeStrategy();
    private final boolean compression;

    /** @param compression whether a browser's permessage-deflate offer is accepted ({@code vantage.tunnel.compression}) */
    public TicketlessUpgrade(boolean compression) {
        this.compression = compression;
    }

    @Override
    public String[] getSupportedVersions() {
        return standard.getSupportedVersions();
    }

    @Override
    public List<WebSocketExtension> getSupportedExtensions(ServerHttpRequest request) {
        return compression ? standard.getSupportedExtensions(request) : List.of();
    }

    @Override
    public void upgrade(ServerHttpRequest request, ServerHttpResponse response, String selectedProtocol,
                        List<WebSocketExtension> selectedExtensions, Principal user, WebSocketHandler wsHandler,
                        Map<String, Object> attributes) {
        HttpServletRequest servlet = ((ServletServerHttpRequest) request).getServletRequest();
        standard.upgrade(new ServletServerHttpRequest(new Upgrading(servlet, compression)), response,
                selectedProtocol, selectedExtensions, user, wsHandler, attributes);
    }

    public static String withoutTicket(String query) {
        if (query == null) {
            return null;
        }
        String rest = Arrays.stream(query.split("&")).filter(p -> !p.equals("ticket") && !p.startsWith("ticket="))
                .collect(Collectors.joining("&"));
        return rest.isEmpty() ? null : rest;
    }

    /** The request as the container sees it when upgrading: no ticket, and no extension offer unless allowed. */
    private static final class Upgrading extends HttpServletRequestWrapper {

        private final boolean extensions;

        Upgrading(HttpServletRequest request, boolean extensions) {
            super(request);
            this.extensions = extensions;
        }

        @Override
        public String getQueryString() {
            return withoutTicket(super.getQueryString());
        }

        @Override
        public String getHeader(String name) {
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        private boolean hidden(String name) {
            return !extensions && EXTENSIONS_HEADER.equalsIgnoreCase(name);
        }
    }
}
