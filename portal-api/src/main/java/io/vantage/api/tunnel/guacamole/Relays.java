package io.vantage.api.tunnel.guacamole;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.vantage.api.tunnel.ActivityRecorder;
import io.vantage.api.tunnel.RelayThreads;
import io.vantage.api.tunnel.SessionTracker;
import io.vantage.api.tunnel.TicketGrant;

/** Starts relays, gives them what they work with, and ends those still open when the portal stops. */
@Component
class Relays implements DisposableBean {

    private final GuacdConnector connector;
    private final SessionTracker tracker;
    private final ActivityRecorder activity;
    private final GuacamoleMetrics metrics;
    private final Set<GuacamoleRelay> live = ConcurrentHashMap.newKeySet();
    private final AtomicLong threads = new AtomicLong();

    Relays(GuacdConnector connector, SessionTracker tracker, ActivityRecorder activity, GuacamoleMetrics metrics) {
        this.connector = connector;
        this.tracker = tracker;
        this.activity = activity;
        this.metrics = metrics;
    }

    GuacamoleRelay start(BrowserChannel browser, TicketGrant grant, Map<String, String> query) {
        GuacamoleRelay relay = new GuacamoleRelay(browser, grant, query, this);
        live.add(relay);
        // a thread per connection, virtual where the JDK has them: it mostly blocks reading guacd
        RelayThreads.start("guacamole-relay-" + threads.incrementAndGet(), relay);
        return relay;
    }

    void forget(GuacamoleRelay relay) {
        live.remove(relay);
    }

    int size() {
        return live.size();
    }

    @Override
    public void destroy() {
        live.forEach(relay -> relay.close("The portal is restarting; please reconnect."));
    }

    GuacdConnector connector() {
        return connector;
    }

    SessionTracker tracker() {
        return tracker;
    }

    ActivityRecorder activity() {
        return activity;
    }

    GuacamoleMetrics metrics() {
        return metrics;
    }
}
