package io.vantage.api.tunnel.jupyter;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vantage.api.security.NotebookOrigins;

/**
 * Splits traffic before Spring Security: a request for a notebook host is answered by {@link NotebookRequests}
 * and never goes down the chain (no portal session, controller or error page ever answers on a notebook's
 * origin). A host counts as a notebook's if the Host header or a forwarded host names one, so a notebook page
 * cannot reach the portal by sending a forwarded-host header of its own.
 * <p>
 * Portal requests pass on, except state-changing ones a notebook page sent: portal and notebooks may share a
 * site, so the portal's SameSite cookies would go along; CSRF tokens stop those already, this stops them first.
 */
class NotebookHostFilter implements Filter {

    private static final Logger log = LoggerFactory.getLogger(NotebookHostFilter.class);

    private final NotebookOrigins origins;
    private final NotebookRequests notebooks;

    NotebookHostFilter(NotebookOrigins origins, NotebookRequests notebooks) {
        this.origins = origins;
        this.notebooks = notebooks;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        Set<String> uids = notebookUids(request);
        if (uids.isEmpty()) {
            if (!BrowserChecks.isSafe(request) && origins.isNotebookOrigin(request.getHeader("Origin"))) {
                NotebookPages.refuse(response, HttpServletResponse.SC_FORBIDDEN, "Notebooks may not send requests "
                        + "to the portal.", null);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (uids.size() > 1 || request.getDispatcherType() != DispatcherType.REQUEST) {
            NotebookPages.notFound(response);
            return;
        }
        try {
            notebooks.handle(uids.iterator().next(), request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            // Never the query string: it may hold a ticket.
            log.warn("Notebook request {} {} failed: {}", request.getMethod(), request.getRequestURI(), e.toString());
            NotebookPages.refuse(response, HttpServletResponse.SC_BAD_GATEWAY, "The notebook could not be reached.",
                    null);
        }
    }

    private Set<String> notebookUids(HttpServletRequest request) {
        Set<String> uids = new LinkedHashSet<>();
        origins.uidOfHost(request.getHeader("Host")).ifPresent(uids::add);
        origins.uidOfHost(request.getServerName()).ifPresent(uids::add);
        var forwarded = request.getHeaders("X-Forwarded-Host");
        while (forwarded != null && forwarded.hasMoreElements()) {
            for (String host : forwarded.nextElement().split(",")) {
                origins.uidOfHost(host).ifPresent(uids::add);
            }
        }
        return uids;
    }
}
