package io.vantage.api.tunnel.guacamole;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

import io.vantage.api.tunnel.TicketHandshakeInterceptor;
import io.vantage.api.tunnel.TicketService;
import io.vantage.api.tunnel.TicketlessUpgrade;
import io.vantage.api.tunnel.TunnelProperties;

/**
 * The remote desktop websocket of guacamole-common-js ({@code Guacamole.WebSocketTunnel}, subprotocol
 * {@code guacamole}). Opening it takes a GUACD ticket; everything about the desktop is decided server-side.
 */
@Configuration(proxyBeanMethods = false)
class GuacamoleTunnelConfiguration implements WebSocketConfigurer {

    static final String PATH = "/tunnels/guacamole";

    private final GuacamoleTunnelHandler handler;
    private final TicketService tickets;
    private final TunnelProperties properties;

    GuacamoleTunnelConfiguration(GuacamoleTunnelHandler handler, TicketService tickets, TunnelProperties properties) {
        this.handler = handler;
        this.tickets = tickets;
        this.properties = properties;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        // Same origin only, plus any origins configured for a proxy in front of the portal
        String[] origins = properties.allowedOrigins().stream().filter(o -> o != null && !o.isBlank())
                .toArray(String[]::new);
        registry.addHandler(handler, PATH)
                .addInterceptors(new TicketHandshakeInterceptor(tickets, "GUACD"))
                .setHandshakeHandler(new DefaultHandshakeHandler(new TicketlessUpgrade(properties.compression())))
                .setAllowedOrigins(origins);
    }
}
