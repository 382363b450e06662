package io.vantage.api.tunnel;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Remote desktop and notebook connections.
 *
 * @param ticketTtl        how long a connection ticket may wait before it is used (single use either way)
 * @param ownerLeaves      what happens to members' connections when the owner disconnects:
 *                         {@code DISCONNECT} everyone, or keep them {@code READ_ONLY} until the owner is back
 * @param activityFlush    how often recorded user input is written to the database (batched)
 * @param connectTimeout   how long to wait for the instance (or guacd) to accept a connection
 * @param guacd            a central guacd; when empty, guacd on the instance itself ({@code <ip>:4822})
 * @param allowedOrigins   origins allowed to open websockets besides the portal's own (e.g. behind a proxy)
 * @param compression      permessage-deflate on desktop tunnels when the browser offers it (every browser does). Off:
 *                         VNC and guacd send encoded images that deflate barely shrinks, at ~20x the relay's CPU per
 *                         megabyte; worth it only for people on slow links to a portal with CPU to spare
 */
@ConfigurationProperties("vantage.tunnel")
public record TunnelProperties(@DefaultValue("30s") Duration ticketTtl,
                               @DefaultValue("READ_ONLY") OwnerLeaves ownerLeaves,
                               @DefaultValue("30s") Duration activityFlush,
                               @DefaultValue("10s") Duration connectTimeout,
                               @DefaultValue Guacd guacd,
                               @DefaultValue("") java.util.List<String> allowedOrigins,
                               @DefaultValue("false") boolean compression) {

    public enum OwnerLeaves { DISCONNECT, READ_ONLY }

    /** @param host empty = guacd runs on each instance */
    public record Guacd(@DefaultValue("") String host, @DefaultValue("4822") int port) {

        public boolean isCentral() {
            return host != null && !host.isBlank();
        }
    }
}
