package io.vantage.web.instance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import io.vantage.api.security.CurrentUser;
import io.vantage.api.security.CurrentUsers;
import io.vantage.api.security.NotebookOrigins;
import io.vantage.api.tunnel.TicketService;

/**
 * Sends a person into a notebook's origin from a plain link: a notebook page opened in a tab of its own (Jupyter
 * opens notebooks in new tabs) has no cookie in that tab's partition, so the notebook host sends it here; this
 * issues a single-use ticket (after the same checks as the page's own request) and redirects to the notebook's
 * entry. It only ever sends the signed-in person into a notebook as themselves.
 * <p>
 * A GET that issues a ticket must not be usable by another site: the portal's cookie is SameSite=Lax, so a link
 * on any page would otherwise walk a signed-in victim into a notebook the attacker shared with them (a hostile
 * one), and a same-site notebook page could make the portal mint tickets. So a ticket is issued on a GET only for
 * a page navigation that {@link NotebookEntryRequests} traces to the person or to this notebook itself; any other
 * navigation gets a page that asks the person first (the ticket then comes from a CSRF-protected request), and
 * anything that is not a page navigation (fetch, image, script) is refused.
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
    ModelAndView enter(CurrentUser user, @PathVariable String uid, @RequestParam(required = false) String next,
                       HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        String origin = notebooks.origin(uid);
        NotebookEntryRequests.Verdict verdict = NotebookEntryRequests.judge(request, origin);
        if (verdict == NotebookEntryRequests.Verdict.REFUSE) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Open notebooks from their page in the portal.");
        }
        String entry = origin + "/instances/" + uid + "/enter";
        if (verdict == NotebookEntryRequests.Verdict.ASK) {
            return new ModelAndView("instance/notebook-enter", Map.of("name", tickets.check(user, uid, "JUPYTER"),
                    "uid", uid, "entry", entry, "next", next == null ? "" : next));
        }
        TicketService.Issued issued = tickets.issue(user, uid, "JUPYTER", CurrentUsers.sessionId(request));
        RedirectView into = new RedirectView(entry + "?ticket=" + issued.ticket()
                + (next == null ? "" : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
        into.setStatusCode(HttpStatus.SEE_OTHER);
        into.setExposeModelAttributes(false);
        into.setExpandUriTemplateVariables(false);
        return new ModelAndView(into);
    }
}
