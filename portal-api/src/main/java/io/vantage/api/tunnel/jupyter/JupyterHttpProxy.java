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

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.vantage.api.tunnel.TunnelProperties;
import io.vantage.api.tunnel.TunnelTargets;

/**
 * Forwards an authorised notebook request to the instance's Jupyter, with the token added here so the browser
 * never sees it, and streams the answer back. Whatever the instance answers is its owner's to shape, so only what
 * {@link ProxyHeaders} lets through reaches the browser, and pages are cleaned of the token.
 */
@Component
class JupyterHttpProxy {

    private static final Logger log = LoggerFactory.getLogger(JupyterHttpProxy.class);

    private final HttpClient http;

    JupyterHttpProxy(TunnelProperties properties) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void forward(HttpServletRequest request, HttpServletResponse response, NotebookAccess.Grant grant,
                 TunnelTargets.Target target) throws IOException {
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        URI upstream = URI.create("http://" + target.endpoint() + request.getRequestURI() + query);
        HttpRequest.Builder outgoing = HttpRequest.newBuilder(upstream).timeout(Duration.ofMinutes(10))
                .method(request.getMethod(), body(request))
                .header("Authorization", "token " + target.secret())
                .header("X-Forwarded-Proto", request.isSecure() ? "https" : "http")
                .header("X-Forwarded-Host", String.valueOf(request.getHeader("Host")))
                .header("X-Forwarded-For", request.getRemoteAddr());
        for (String name : Collections.list(request.getHeaderNames())) {
            if (!ProxyHeaders.forwardRequest(name)) {
                continue;
            }
            for (String value : Collections.list(request.getHeaders(name))) {
                String forwarded = "cookie".equalsIgnoreCase(name) ? ProxyHeaders.jupyterCookies(value) : value;
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
            NotebookPages.refuse(response, HttpServletResponse.SC_BAD_GATEWAY, "The notebook is not answering right "
                    + "now.", null);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        response.setStatus(answer.statusCode());
        boolean html = answer.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
        answer.headers().map().forEach((name, values) -> {
            if (ProxyHeaders.forwardResponse(name) && !(html && "content-length".equalsIgnoreCase(name))) {
                values.stream().filter(value -> ProxyHeaders.safeResponseValue(name, value))
                        .forEach(value -> response.addHeader(name, value));
            }
        });
        if (html) {
            // Jupyter writes its token into its pages; the person must never see it.
            try (InputStream body = answer.body(); OutputStream out = response.getOutputStream()) {
                out.write(TokenScrubber.scrub(body.readNBytes(TokenScrubber.MAX_PAGE), target.secret()));
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

    /** Opening a page (not the background polling pages do) counts as activity. */
    static boolean isPage(String uri) {
        return uri.contains("/notebooks/") || uri.contains("/tree") || uri.contains("/edit/") || uri.contains("/lab");
    }
}
