package io.vantage.api.tunnel.guacamole;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Open desktop sessions, traffic and failures of the Guacamole tunnel on this replica. Names and tag keys are the
 * ones every tunnel uses (Prometheus wants one set of tag keys per name); where a Guacamole connection failed has a
 * meter of its own.
 */
@Component
class GuacamoleMetrics {

    private static final String PROTOCOL = "GUACD";

    private final MeterRegistry registry;
    private final AtomicInteger active = new AtomicInteger();
    private final Counter toBrowser;
    private final Counter toInstance;
    private final Counter errors;

    GuacamoleMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("vantage.tunnel.sessions", active, AtomicInteger::get).tag("protocol", PROTOCOL)
                .description("Remote desktop and notebook connections open on this replica").register(registry);
        toBrowser = bytes("to-browser");
        toInstance = bytes("to-instance");
        errors = Counter.builder("vantage.tunnel.errors").tag("protocol", PROTOCOL)
                .description("Tunnel connections that failed or ended abnormally").register(registry);
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

    void toInstance(long bytes) {
        toInstance.increment(bytes);
    }

    /** @param stage where it failed: {@code target}, {@code connect}, {@code handshake} or {@code relay} */
    void error(String stage) {
        errors.increment();
        Counter.builder("vantage.tunnel.guacd.errors").tag("stage", stage)
                .description("Guacamole connections that failed, by where they failed").register(registry)
                .increment();
    }

    private Counter bytes(String direction) {
        return Counter.builder("vantage.tunnel.bytes").tag("protocol", PROTOCOL).tag("direction", direction)
                .baseUnit("bytes").description("Bytes relayed by tunnels (for Guacamole: exchanged with guacd)")
                .register(registry);
    }
}
