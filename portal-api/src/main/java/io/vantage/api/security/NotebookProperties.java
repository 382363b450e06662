package io.vantage.api.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notebooks run other people's code, so each one is served on an origin of its own, never the portal's.
 *
 * @param originPattern where a notebook is reached: scheme, a host whose first label is {@code {uid}}, and an
 *                      optional port; {@code {port}} is the port this portal listens on (the demo's default, so it
 *                      works on any port). Production: {@code https://{uid}.notebooks.example.org} with a wildcard
 *                      DNS name and certificate.
 * @param idleTimeout   a notebook cookie unused this long stops working (the person re-enters from the portal)
 * @param maxAge        a notebook cookie stops working this long after it was issued, used or not
 * @param accessCache   how long a notebook access decision is reused when no access change arrives first
 */
@ConfigurationProperties("vantage.notebooks")
public record NotebookProperties(@DefaultValue("http://{uid}.notebooks.localhost:{port}") String originPattern,
                                 @DefaultValue("1h") Duration idleTimeout,
                                 @DefaultValue("12h") Duration maxAge,
                                 @DefaultValue("10s") Duration accessCache) {
}
