package io.vantage.api.support;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** Absolute links to portal pages, for places where no request tells the host (e-mails, links to pass on). */
@Component
@EnableConfigurationProperties(PortalProperties.class)
public class PortalLinks {

    private final String base;

    PortalLinks(PortalProperties properties) {
        String url = properties.publicUrl().strip();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String instance(String uid) {
        return base + "/instances/" + uid;
    }

    public String absolute(String path) {
        return base + path;
    }
}
