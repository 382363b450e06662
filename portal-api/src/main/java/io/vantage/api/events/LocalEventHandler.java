package io.vantage.api.events;

/** Server-side code on every replica that reacts to live events (e.g. closing tunnels an admin ended elsewhere). */
public interface LocalEventHandler {

    void handle(LiveEvent event);
}
