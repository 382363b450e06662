package io.vantage.api.tunnel.jupyter;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

import io.vantage.api.security.NotebookOrigins;
import io.vantage.api.tunnel.ActivityRecorder;
import io.vantage.api.tunnel.TunnelProperties;

/**
 * Wires the notebook hosts: a servlet filter ahead of Spring Security answers them (HTTP and websockets), so
 * they share nothing with the portal's own chain.
 */
@Configuration(proxyBeanMethods = false)
class JupyterConfiguration {

    @Bean
    JupyterWebSocketProxy jupyterWebSocketProxy(ActivityRecorder activity, NotebookAccess access,
                                                TunnelProperties properties, MeterRegistry registry) {
        return new JupyterWebSocketProxy(activity, access, properties.connectTimeout(), registry);
    }

    /** Upgrades notebook websockets from the filter; {@link NotebookRequests} decided who and where before. */
    @Bean
    WebSocketHttpRequestHandler jupyterWebSockets(JupyterWebSocketProxy proxy) {
        WebSocketHttpRequestHandler handler = new WebSocketHttpRequestHandler(proxy, new DefaultHandshakeHandler());
        handler.setHandshakeInterceptors(List.of(new DecidedGrant()));
        return handler;
    }

    @Bean
    FilterRegistrationBean<NotebookHostFilter> notebookHosts(NotebookOrigins origins, NotebookRequests requests) {
        FilterRegistrationBean<NotebookHostFilter> registration = new FilterRegistrationBean<>(
                new NotebookHostFilter(origins, requests));
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        registration.setOrder(-110); // before Spring Security (-100)
        return registration;
    }

    /** Hands the grant and target decided for the upgrade request to the websocket session. */
    private static final class DecidedGrant implements HandshakeInterceptor {

        @Override
        public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                       Map<String, Object> attributes) {
            if (!(request instanceof ServletServerHttpRequest servlet)) {
                return false;
            }
            Object grant = servlet.getServletRequest().getAttribute(JupyterWebSocketProxy.GRANT);
            Object target = servlet.getServletRequest().getAttribute(JupyterWebSocketProxy.TARGET);
            if (grant == null || target == null) {
                return false;
            }
            attributes.put(JupyterWebSocketProxy.GRANT, grant);
            attributes.put(JupyterWebSocketProxy.TARGET, target);
            Object portalSession = servlet.getServletRequest().getAttribute(JupyterWebSocketProxy.PORTAL_SESSION);
            if (portalSession != null) { // ends with the portal session; absent for an API token's cookie
                attributes.put(JupyterWebSocketProxy.PORTAL_SESSION, portalSession);
            }
            return true;
        }

        @Override
        public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Exception exception) {
        }
    }
}
