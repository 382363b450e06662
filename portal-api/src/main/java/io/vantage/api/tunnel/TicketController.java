package io.vantage.api.tunnel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.security.CurrentUser;

/** A page asks for a ticket right before it opens a desktop or notebook websocket. */
@RestController
class TicketController {

    private final TicketService tickets;

    TicketController(TicketService tickets) {
        this.tickets = tickets;
    }

    record TicketRequest(@NotBlank(message = "choose VNC, GUACD or JUPYTER") String protocol) {
    }

    record TicketResponse(String ticket, java.time.Instant expiresAt, String protocol, String websocketPath) {
    }

    @PostMapping("/api/instances/{uid}/tickets")
    TicketResponse issue(CurrentUser user, @PathVariable String uid, @Valid @RequestBody TicketRequest request) {
        TicketService.Issued issued = tickets.issue(user, uid, request.protocol());
        String path = switch (issued.protocol()) {
            case "GUACD" -> "/tunnels/guacamole";
            case "VNC" -> "/tunnels/vnc";
            default -> "/instances/" + uid + "/jupyter/";
        };
        return new TicketResponse(issued.ticket(), issued.expiresAt(), issued.protocol(), path);
    }
}
