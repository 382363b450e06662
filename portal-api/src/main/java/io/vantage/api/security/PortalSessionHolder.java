package io.vantage.api.security;

import java.util.Map;

/**
 * Something this replica holds open on behalf of browser sessions (desktop connections, notebook websockets, event
 * streams). {@link SessionExpiryWatch} asks each holder which sessions it holds, so that a session that timed out
 * or was cleaned up, which nobody ends explicitly, still closes what it opened.
 */
public interface PortalSessionHolder {

    /** The portal session ids this replica holds something open for, each with the person it belongs to. */
    Map<String, String> heldSessions();
}
