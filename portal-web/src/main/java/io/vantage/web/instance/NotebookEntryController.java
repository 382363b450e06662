package io.vantage.web.instance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.vantage.api.security.CurrentUser;
import io.vantage.api.security.NotebookOrigins;
import io.vantage.api.tunnel.TicketService;

/**
 * Sends a person into a notebook's origin from a plain link: a notebook page opened in a tab of its own (Jupyter
 * opens notebooks in new tabs) has no cookie in that tab's partition, so the notebook host sends it here; this
 * issues a single-use ticket (after the same checks as the page's own request) and redirects to the notebook's
 * entry. It only ever sends the signed-in person into a notebook as themselves.
 */
@Controller
class NotebookEntryController {

    private final TicketService tickets;
    private final NotebookOrigins notebooks;

    NotebookEntryController(TicketService tickets, NotebookOrigins notebooks) {
        this.tickets = tickets;
        this.notebooks = notebooks;
    }

    @GetMapping("/instances/{uid}/notebook")
    ResponseEntity<Void> enter(CurrentUser user, @PathVariable String uid,
                               @RequestParam(required = false) String next) {
        TicketService.Issued issued = tickets.issue(user, uid, "JUPYTER");
        String entry = notebooks.origin(uid) + "/instances/" + uid + "/enter?ticket=" + issued.ticket()
                + (next == null ? "" : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, entry)
                .header("Referrer-Policy", "no-referrer").header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
