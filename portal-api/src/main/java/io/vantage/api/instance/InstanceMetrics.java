package io.vantage.api.instance;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code vantage.instances}: how many instances are in each state on each provider, refreshed every 30 s; machines
 * of pre-warmed pools are nobody's instances yet and not counted.
 */
@Component
class InstanceMetrics {

    private final InstanceCountRepository counts;
    private final MultiGauge gauge;

    InstanceMetrics(InstanceCountRepository counts, MeterRegistry meters) {
        this.counts = counts;
        this.gauge = MultiGauge.builder("vantage.instances").description("Instances by state and cloud provider")
                .register(meters);
    }

    @Scheduled(fixedDelay = 30_000, initialDelay = 5_000)
    void refresh() {
        List<MultiGauge.Row<?>> rows = counts.byStateAndProvider().stream()
                .<MultiGauge.Row<?>>map(c -> MultiGauge.Row.of(Tags.of("state", c.state(), "provider", c.provider()),
                        c.instances()))
                .toList();
        gauge.register(rows, true);
    }
}
