package io.vantage.etl;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** The ETL's beans as the portal would see them (everything but the CLI), on a fresh embedded database. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "io.vantage.etl",
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.vantage\\.etl\\.cli\\..*"))
public class EtlTestApplication {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
