package io.vantage.api.tunnel;

import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Lets a tunnel websocket open only with a valid ticket for the expected protocol (query parameter {@code ticket}).
 * The ticket is redeemed here, before the upgrade, and the grant handed to the handler.
 */
public class TicketHandshakeInterceptor implements HandshakeInterceptor {

    public static final String GRANT = "vantage.tunnel.grant";
    public static final String PARAMETERS = "vantage.tunnel.parameters";

    private final TicketService tickets;
    private final String protocol;

    public TicketHandshakeInterceptor(TicketService tickets, String protocol) {
        this.tickets = tickets;
        this.protocol = protocol;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        var query = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams();
        Optional<TicketGrant> grant = tickets.redeem(query.getFirst("ticket"), query.getFirst("instance"), protocol);
        if (grant.isEmpty()) {
            response.setStatusCode(HttpStatus.FORBIDDEN);
            return false;
        }
        attributes.put(GRANT, grant.get());
        attributes.put(PARAMETERS, query.toSingleValueMap());
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }
}
