package io.vantage.api.tunnel.vnc;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

import io.vantage.api.tunnel.TicketHandshakeInterceptor;
import io.vantage.api.tunnel.TicketService;
import io.vantage.api.tunnel.TicketlessUpgrade;
import io.vantage.api.tunnel.TunnelProperties;

@Configuration(proxyBeanMethods = false)
class VncWebSocketConfiguration implements WebSocketConfigurer {

    private final VncRelayHandler handler;
    private final TicketService tickets;
    private final TunnelProperties properties;

    VncWebSocketConfiguration(VncRelayHandler handler, TicketService tickets, TunnelProperties properties) {
        this.handler = handler;
        this.tickets = tickets;
        this.properties = properties;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        var registration = registry.addHandler(handler, "/tunnels/vnc")
                .addInterceptors(new TicketHandshakeInterceptor(tickets, "VNC"))
                .setHandshakeHandler(new DefaultHandshakeHandler(new TicketlessUpgrade(properties.compression())));
        // Same origin only, plus any origins configured for deployments behind a different host name.
        if (!properties.allowedOrigins().isEmpty()) {
            registration.setAllowedOrigins(properties.allowedOrigins().toArray(String[]::new));
        }
    }
}
