package io.vantage.api.tunnel.jupyter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import io.vantage.api.security.CurrentUser;
import io.vantage.api.security.CurrentUsers;
import io.vantage.api.tunnel.ActivityRecorder;

/**
 * Reverse proxy for notebooks under {@code /instances/{uid}/jupyter/**}: authorised by the portal session and the
 * member's role (guests may only look), the Jupyter token added here so the person never sees it, bodies streamed
 * both ways without buffering. Websocket upgrades are left to {@link JupyterWebSocketProxy}.
 */
class JupyterProxyFilter extends OncePerRequestFilter {

    static final Pattern PATH = Pattern.compile("^/instances/([a-z0-9]{6,32})/jupyter(/.*)?$");
    private static final Logger log = LoggerFactory.getLogger(JupyterProxyFilter.class);

    private final JupyterAccess access;
    private final ActivityRecorder activity;
    private final String sessionCookie;
    private final HttpClient http;

    JupyterProxyFilter(JupyterAccess access, ActivityRecorder activity, String sessionCookie, Duration connectTimeout) {
        this.access = access;
        this.activity = activity;
        this.sessionCookie = sessionCookie;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !PATH.matcher(request.getRequestURI()).matches()
                || "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher path = PATH.matcher(request.getRequestURI());
        path.matches();
        Optional<CurrentUser> user = CurrentUsers.current();
        if (user.isEmpty()) {
            chain.doFilter(request, response); // Spring Security sends the person to the login
            return;
        }
        Optional<JupyterAccess.Grant> grant = access.grant(user.get(), path.group(1));
        if (grant.isEmpty()) {
            // Same answer whether the instance exists or not, so strangers learn nothing.
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "You are not a member of this instance, or its "
                    + "notebook is not running");
            return;
        }
        boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        if (grant.get().readOnly() && !reading) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "You may look at this notebook but not change it");
            return;
        }
        if (!reading || isPage(request.getRequestURI())) {
            activity.interaction(grant.get().instanceId(), null);
        }
        proxy(request, response, grant.get());
    }

    private void proxy(HttpServletRequest request, HttpServletResponse response, JupyterAccess.Grant grant)
            throws IOException {
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        URI upstream = URI.create("http://" + grant.target().endpoint() + request.getRequestURI() + query);
        HttpRequest.Builder outgoing = HttpRequest.newBuilder(upstream).timeout(Duration.ofMinutes(10))
                .method(request.getMethod(), body(request))
                .header("Authorization", "token " + grant.target().secret())
                .header("X-Forwarded-Proto", request.getScheme())
                .header("X-Forwarded-Host", String.valueOf(request.getHeader("Host")))
                .header("X-Forwarded-For", request.getRemoteAddr());
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!ProxyHeaders.forwardRequest(name) || name.toLowerCase().startsWith("x-forwarded-")) {
                continue;
            }
            for (String value : Collections.list(request.getHeaders(name))) {
                String forwarded = "cookie".equalsIgnoreCase(name) ? ProxyHeaders.withoutPortalCookies(value, sessionCookie) : value;
                if (!forwarded.isEmpty()) {
                    outgoing.header(name, forwarded);
                }
            }
        }
        HttpResponse<InputStream> answer;
        try {
            answer = http.send(outgoing.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            log.info("Notebook of instance {} did not answer: {}", grant.uid(), e.getMessage());
            response.sendError(HttpServletResponse.SC_BAD_GATEWAY, "The notebook is not answering right now");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        response.setStatus(answer.statusCode());
        boolean html = answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
        answer.headers().map().forEach((name, values) -> {
            if (ProxyHeaders.forwardResponse(name) && !(html && "content-length".equalsIgnoreCase(name))) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        if (html) {
            // Jupyter writes its token into its pages; the person must never see it.
            try (InputStream body = answer.body(); OutputStream out = response.getOutputStream()) {
                out.write(TokenScrubber.scrub(body.readNBytes(TokenScrubber.MAX_PAGE), grant.target().secret()));
            }
            return;
        }
        try (InputStream body = answer.body(); OutputStream out = response.getOutputStream()) {
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = body.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                if (body.available() == 0) {
                    out.flush(); // stream (e.g. long polls, large downloads) instead of buffering it all
                }
            }
        }
    }

    private static HttpRequest.BodyPublisher body(HttpServletRequest request) {
        if (request.getContentLengthLong() == 0 || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            return HttpRequest.BodyPublishers.noBody();
        }
        return HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                return request.getInputStream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static boolean isPage(String uri) {
        return uri.contains("/notebooks/") || uri.contains("/tree") || uri.contains("/edit/") || uri.contains("/lab");
    }
}
