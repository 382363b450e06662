package io.vantage.api.tunnel.guacamole;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Open desktop sessions, traffic and failures of the Guacamole tunnel on this replica. */
@Component
class GuacamoleMetrics {

    private static final String PROTOCOL = "GUACD";

    private final MeterRegistry registry;
    private final AtomicInteger active = new AtomicInteger();
    private final Counter toBrowser;
    private final Counter toDesktop;

    GuacamoleMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("vantage.tunnel.sessions.active", active, AtomicInteger::get).tag("protocol", PROTOCOL)
                .description("Remote desktop and notebook connections open on this replica").register(registry);
        toBrowser = bytes("to-browser");
        toDesktop = bytes("to-desktop");
    }

    void opened() {
        active.incrementAndGet();
    }

    void closed() {
        active.decrementAndGet();
    }

    void toBrowser(long bytes) {
        toBrowser.increment(bytes);
    }

    void toDesktop(long bytes) {
        toDesktop.increment(bytes);
    }

    /** @param stage where it failed: {@code target}, {@code connect}, {@code handshake} or {@code relay} */
    void error(String stage) {
        Counter.builder("vantage.tunnel.errors").tag("protocol", PROTOCOL).tag("stage", stage)
                .description("Tunnel connections that failed or ended abnormally").register(registry).increment();
    }

    int active() {
        return active.get();
    }

    private Counter bytes(String direction) {
        return Counter.builder("vantage.tunnel.bytes").tag("protocol", PROTOCOL).tag("direction", direction)
                .baseUnit("bytes").description("Bytes exchanged with the desktop side (guacd), handshakes included").register(registry);
    }
}
