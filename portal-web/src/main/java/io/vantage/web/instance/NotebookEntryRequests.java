package io.vantage.web.instance;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells, from the browser's fetch metadata and referrer, whether a GET for a notebook ticket was asked for by the
 * person or by the notebook itself, or could have been made by another site.
 */
final class NotebookEntryRequests {

    enum Verdict {
        /** Issue the ticket at once. */
        ISSUE,
        /** Show a page that asks the person first. */
        ASK,
        /** Not a page navigation: another site's fetch, image or script; nothing to issue. */
        REFUSE
    }

    private NotebookEntryRequests() {
    }

    /**
     * <ul>
     *   <li>{@code Sec-Fetch-Mode} other than {@code navigate}, or a destination other than a document or frame:
     *       refused (a navigation is the only way the entry is used).</li>
     *   <li>{@code Sec-Fetch-Site: none} (typed, a bookmark; it stays {@code none} through the notebook host's
     *       redirect) or {@code same-origin} (a portal page): issued.</li>
     *   <li>a {@code Referer} on this notebook's own origin (a link in the notebook, redirected by its host, which
     *       asks for {@code strict-origin}): issued. Another site can neither send {@code none} nor this
     *       referrer.</li>
     *   <li>anything else (another site, another notebook, no metadata and no referrer): asked.</li>
     * </ul>
     */
    static Verdict judge(HttpServletRequest request, String notebookOrigin) {
        String mode = request.getHeader("Sec-Fetch-Mode");
        String dest = request.getHeader("Sec-Fetch-Dest");
        if ((mode != null && !"navigate".equals(mode))
                || (dest != null && !"document".equals(dest) && !"iframe".equals(dest))) {
            return Verdict.REFUSE;
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if ("none".equals(site) || "same-origin".equals(site)) {
            return Verdict.ISSUE;
        }
        String referer = request.getHeader("Referer");
        String own = notebookOrigin.toLowerCase(Locale.ROOT);
        if (referer != null) {
            String from = referer.strip().toLowerCase(Locale.ROOT);
            if (from.equals(own) || from.startsWith(own + "/")) {
                return Verdict.ISSUE;
            }
        }
        return Verdict.ASK;
    }
}
