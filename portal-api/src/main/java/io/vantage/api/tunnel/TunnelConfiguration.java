package io.vantage.api.tunnel;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.socket.config.annotation.EnableWebSocket;

/** Turns on websockets; each tunnel kind registers its handler in its own {@code WebSocketConfigurer}. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class TunnelConfiguration {

    private final TicketService tickets;

    TunnelConfiguration(TicketService tickets) {
        this.tickets = tickets;
    }

    @Scheduled(fixedDelay = 300_000)
    void purgeTickets() {
        tickets.purgeExpired();
    }
}
