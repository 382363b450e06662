package io.vantage.api.security;

/**
 * Code on every replica that holds access decisions (open tunnels, notebook sessions, caches) and must re-check
 * them when an {@link AccessChange} arrives. Called on the listener thread: re-check quickly, never block on a
 * slow peer.
 */
public interface AccessChangeListener {

    void accessChanged(AccessChange change);
}
