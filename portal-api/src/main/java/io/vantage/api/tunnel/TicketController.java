package io.vantage.api.tunnel;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.security.CurrentUser;
import io.vantage.api.security.CurrentUsers;
import io.vantage.api.security.NotebookOrigins;

/** A page asks for a ticket right before it opens a desktop or notebook websocket. */
@RestController
class TicketController {

    private final TicketService tickets;
    private final NotebookOrigins notebooks;

    TicketController(TicketService tickets, NotebookOrigins notebooks) {
        this.tickets = tickets;
        this.notebooks = notebooks;
    }

    record TicketRequest(@NotBlank(message = "choose VNC, GUACD or JUPYTER") String protocol) {
    }

    /** {@code websocketPath}: where to present the ticket (for JUPYTER, the notebook origin's entry URL). */
    record TicketResponse(String ticket, java.time.Instant expiresAt, String protocol, String websocketPath) {
    }

    @PostMapping("/api/instances/{uid}/tickets")
    TicketResponse issue(CurrentUser user, @PathVariable String uid, @Valid @RequestBody TicketRequest request,
                         HttpServletRequest http) {
        TicketService.Issued issued = tickets.issue(user, uid, request.protocol(), CurrentUsers.sessionId(http));
        String path = switch (issued.protocol()) {
            case "GUACD" -> "/tunnels/guacamole";
            case "VNC" -> "/tunnels/vnc";
            // a notebook is entered on its own origin: this URL with ?ticket=…
            default -> notebooks.origin(uid) + "/instances/" + uid + "/enter";
        };
        return new TicketResponse(issued.ticket(), issued.expiresAt(), issued.protocol(), path);
    }
}
