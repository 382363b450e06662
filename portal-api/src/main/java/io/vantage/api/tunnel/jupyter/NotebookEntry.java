package io.vantage.api.tunnel.jupyter;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

import io.vantage.api.tunnel.TicketGrant;
import io.vantage.api.tunnel.TicketService;

/**
 * The way into a notebook origin: {@code GET /instances/{uid}/enter?ticket=…[&next=…]} redeems a single-use
 * JUPYTER ticket the portal page asked for, sets this origin's cookie and redirects into the notebook. The ticket
 * is never logged; the answer carries no referrer, so it does not travel on either.
 */
@Component
class NotebookEntry {

    private final TicketService tickets;
    private final NotebookAccess access;
    private final NotebookSessions sessions;

    NotebookEntry(TicketService tickets, NotebookAccess access, NotebookSessions sessions) {
        this.tickets = tickets;
        this.access = access;
        this.sessions = sessions;
    }

    static String path(String uid) {
        return "/instances/" + uid + "/enter";
    }

    void enter(String uid, HttpServletRequest request, HttpServletResponse response, NotebookCookie.Context cookie,
               String portal) throws IOException {
        response.setHeader("Referrer-Policy", "no-referrer");
        String back = portal + "/instances/" + uid;
        if (!"GET".equals(request.getMethod())) {
            NotebookPages.refuse(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Open the notebook with a link.",
                    back);
            return;
        }
        Optional<TicketGrant> ticket = tickets.redeem(request.getParameter("ticket"), uid, "JUPYTER");
        if (ticket.isEmpty()) {
            NotebookPages.refuse(response, HttpServletResponse.SC_FORBIDDEN, "This notebook link has expired or was "
                    + "used already.", back);
            return;
        }
        String userId = ticket.get().userId();
        if (access.check(userId, uid).isEmpty()) {
            NotebookPages.refuse(response, HttpServletResponse.SC_FORBIDDEN, access.reason(userId,
                    ticket.get().instanceId()).orElse("You may not open this notebook, or it is not running."), back);
            return;
        }
        NotebookCookie.write(response, sessions.open(userId, ticket.get().instanceId(),
                ticket.get().portalSessionId()), cookie);
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", next(request.getParameter("next"), uid));
    }

    /** Where to go after entering: a path under this notebook's prefix on this origin, else its file list. */
    static String next(String next, String uid) {
        String prefix = "/instances/" + uid + "/jupyter/";
        if (next == null || next.length() > 2048 || !next.startsWith(prefix) || BrowserChecks.suspicious(next)
                || next.toLowerCase(Locale.ROOT).contains("//")
                || next.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
            return prefix + "tree";
        }
        return next;
    }
}
