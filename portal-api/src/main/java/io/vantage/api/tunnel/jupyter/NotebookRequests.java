package io.vantage.api.tunnel.jupyter;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

import io.vantage.api.expiry.NotebookActivity;
import io.vantage.api.security.NotebookOrigins;
import io.vantage.api.tunnel.ActivityRecorder;
import io.vantage.api.tunnel.TunnelTargets;

/**
 * Everything a notebook host ({@code {uid}.notebooks…}) answers: its entry, and Jupyter under
 * {@code /instances/{uid}/jupyter/} for that uid only; anything else is 404. Each request and websocket is checked
 * against the person's access now; GUESTs only read; what changes state must come from the notebook's origin.
 */
@Component
class NotebookRequests {

    static final Pattern PATH = Pattern.compile("^/instances/([a-z0-9]{1,63})/jupyter(/.*)?$");

    private final NotebookOrigins origins;
    private final NotebookEntry entry;
    private final NotebookSessions sessions;
    private final NotebookAccess access;
    private final JupyterHttpProxy http;
    private final WebSocketHttpRequestHandler websockets;
    private final ActivityRecorder activity;

    NotebookRequests(NotebookOrigins origins, NotebookEntry entry, NotebookSessions sessions, NotebookAccess access,
                     JupyterHttpProxy http, WebSocketHttpRequestHandler jupyterWebSockets, ActivityRecorder activity) {
        this.origins = origins;
        this.entry = entry;
        this.sessions = sessions;
        this.access = access;
        this.http = http;
        this.websockets = jupyterWebSockets;
        this.activity = activity;
    }

    void handle(String uid, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        String portal = origins.portalOrigin();
        // Only the portal may frame a notebook; other sites may not even embed its files.
        response.setHeader("Content-Security-Policy", "frame-ancestors " + portal);
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        response.setHeader("X-Content-Type-Options", "nosniff");
        String path = request.getRequestURI();
        if (BrowserChecks.suspicious(path)) {
            NotebookPages.notFound(response);
            return;
        }
        boolean https = request.isSecure() || origins.secure();
        NotebookCookie.Context cookie = new NotebookCookie.Context(https, https || origins.loopback());
        if (path.equals(NotebookEntry.path(uid))) {
            entry.enter(uid, request, response, cookie, portal);
            return;
        }
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches() || !matcher.group(1).equals(uid)) {
            NotebookPages.notFound(response);
            return;
        }
        String back = portal + "/instances/" + uid;
        Optional<NotebookSessions.Session> session = NotebookCookie.read(request, cookie).flatMap(sessions::find)
                .filter(found -> found.uid().equals(uid));
        if (session.isEmpty()) {
            if (BrowserChecks.mayEnterThroughThePortal(request)) {
                // A notebook opened in a tab of its own: the portal issues a ticket for it and sends it back.
                String here = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
                response.setStatus(HttpServletResponse.SC_SEE_OTHER);
                // the portal issues at once for a referrer on this origin (never its path: no query travels)
                response.setHeader("Referrer-Policy", "strict-origin");
                response.setHeader("Location", back + "/notebook?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8));
                return;
            }
            NotebookPages.refuse(response, HttpServletResponse.SC_FORBIDDEN, "Open this notebook from its page in "
                    + "the portal.", back);
            return;
        }
        Optional<NotebookAccess.Grant> grant = access.grant(session.get().userId(), uid);
        if (grant.isEmpty()) {
            NotebookPages.refuse(response, HttpServletResponse.SC_FORBIDDEN, access.reason(session.get().userId(),
                    session.get().instanceId()).orElse("You no longer have access to this notebook, or it is not "
                    + "running."), back);
            return;
        }
        boolean safe = BrowserChecks.isSafe(request);
        if (!safe && !BrowserChecks.sameOrigin(request, origins.origin(uid))) {
            NotebookPages.refuse(response, HttpServletResponse.SC_FORBIDDEN, "Changes to a notebook come from the "
                    + "notebook's own page only.", null);
            return;
        }
        if (safe && BrowserChecks.crossSiteRead(request)) {
            NotebookPages.refuse(response, HttpServletResponse.SC_FORBIDDEN, "Other sites may not read notebooks.", null);
            return;
        }
        if (!safe && grant.get().readOnly()) {
            NotebookPages.refuse(response, HttpServletResponse.SC_FORBIDDEN, "You may look at this notebook but not "
                    + "change it.", null);
            return;
        }
        Optional<TunnelTargets.Target> target;
        try {
            target = access.target(grant.get().instanceId());
        } catch (TunnelTargets.CloudNotAnswering e) {
            NotebookPages.refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage(), back);
            return;
        }
        if (target.isEmpty()) {
            NotebookPages.refuse(response, HttpServletResponse.SC_BAD_GATEWAY, "The notebook is not answering right "
                    + "now.", back);
            return;
        }
        if (NotebookActivity.countsRequest(request.getMethod(), path)) {
            activity.interaction(grant.get().instanceId(), null, session.get().portalSessionId());
        }
        if (BrowserChecks.isWebSocket(request)) {
            request.setAttribute(JupyterWebSocketProxy.GRANT, grant.get());
            request.setAttribute(JupyterWebSocketProxy.TARGET, target.get());
            request.setAttribute(JupyterWebSocketProxy.PORTAL_SESSION, session.get().portalSessionId());
            websockets.handleRequest(request, response);
        } else {
            http.forward(request, response, grant.get(), target.get());
        }
    }
}
