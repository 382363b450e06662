package io.vantage.api.instance;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code vantage.instances}: how many instances are in each state on each provider, refreshed every 30 s; machines
 * of pre-warmed pools are nobody's instances yet and not counted.
 */
@Component
class InstanceMetrics {

    private final JdbcTemplate jdbc;
    private final MultiGauge gauge;

    InstanceMetrics(JdbcTemplate jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.gauge = MultiGauge.builder("vantage.instances").description("Instances by state and cloud provider")
                .register(meters);
    }

    @Scheduled(fixedDelay = 30_000, initialDelay = 5_000)
    void refresh() {
        List<MultiGauge.Row<?>> rows = jdbc.query("""
                select i.state, p.name, count(*) from instances i join cloud_providers p on p.id = i.provider_id
                where i.state <> 'DELETED' and not i.pooled group by i.state, p.name""",
                (rs, n) -> MultiGauge.Row.of(Tags.of("state", rs.getString(1), "provider", rs.getString(2)), rs.getLong(3)));
        gauge.register(rows, true);
    }
}
