package io.vantage.api.security;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Puts the portal's users on the embedded login page once the database (and demo data) is ready. */
@Component
@Conditional(NoIssuerConfigured.class)
class DemoUsersPublisher {

    private final EmbeddedOidcServer server;
    private final DemoUserRepository users;

    DemoUsersPublisher(EmbeddedOidcServer server, DemoUserRepository users) {
        this.server = server;
        this.users = users;
    }

    @EventListener(ApplicationReadyEvent.class)
    void publish() {
        server.listUsers(users.first50());
    }
}
