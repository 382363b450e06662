package io.vantage.bench;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** The ETL's beans (as in the portal) plus the domain's JPA mapping for the naive baseline. */
@SpringBootApplication
@ComponentScan(basePackages = "io.vantage.etl",
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.vantage\\.etl\\.cli\\..*"))
@EntityScan("io.vantage.domain")
class BenchApplication {
}
