package io.vantage.api.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param publicUrl where people reach the portal (scheme, host, optional path), for links that leave the browser:
 *                  e-mails and invitation links. Behind a proxy, the address people type, not the pod's.
 */
@ConfigurationProperties("vantage")
public record PortalProperties(@DefaultValue("http://localhost:8080") String publicUrl) {
}
