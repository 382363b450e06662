package io.vantage.api.tunnel.jupyter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.util.HtmlUtils;

/**
 * The few answers a notebook host gives itself (refusals, not found), written directly: an error dispatch would
 * render the portal's own error page on the notebook's origin.
 */
final class NotebookPages {

    private NotebookPages() {
    }

    static void refuse(HttpServletResponse response, int status, String message, String portalLink)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        String link = portalLink == null ? ""
                : "<p><a href=\"" + HtmlUtils.htmlEscape(portalLink) + "\" target=\"_top\">Open it from the portal</a></p>";
        String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Notebook</title></head>"
                + "<body><main id=\"notebook-refusal\" data-status=\"" + status + "\"><p>" + HtmlUtils.htmlEscape(message)
                + "</p>" + link + "</main></body></html>";
        response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
    }

    static void notFound(HttpServletResponse response) throws IOException {
        refuse(response, HttpServletResponse.SC_NOT_FOUND, "Nothing here: this address serves one notebook only.",
                null);
    }
}
