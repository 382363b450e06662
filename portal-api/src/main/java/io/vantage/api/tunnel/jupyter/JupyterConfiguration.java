package io.vantage.api.tunnel.jupyter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

import io.vantage.api.tunnel.ActivityRecorder;
import io.vantage.api.tunnel.TunnelProperties;

/** Wires the notebook proxy: a servlet filter behind Spring Security for HTTP, a websocket handler for kernels. */
@Configuration(proxyBeanMethods = false)
class JupyterConfiguration implements WebSocketConfigurer {

    private final JupyterAccess access;
    private final ActivityRecorder activity;
    private final TunnelProperties properties;

    JupyterConfiguration(JupyterAccess access, ActivityRecorder activity, TunnelProperties properties) {
        this.access = access;
        this.activity = activity;
        this.properties = properties;
    }

    @Bean
    FilterRegistrationBean<JupyterProxyFilter> jupyterProxy(
            @Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie) {
        FilterRegistrationBean<JupyterProxyFilter> registration = new FilterRegistrationBean<>(
                new JupyterProxyFilter(access, activity, sessionCookie, properties.connectTimeout()));
        registration.addUrlPatterns("/instances/*");
        registration.setOrder(0); // after Spring Security (-100), so the person is known
        return registration;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(new JupyterWebSocketProxy(activity, properties.connectTimeout()),
                        "/instances/*/jupyter/api/kernels/*/channels", "/instances/*/jupyter/terminals/websocket/*",
                        "/instances/*/jupyter/api/events/subscribe")
                .addInterceptors(new JupyterHandshake(access))
                .setAllowedOriginPatterns(properties.allowedOrigins().isEmpty() ? new String[0]
                        : properties.allowedOrigins().toArray(String[]::new));
    }
}
