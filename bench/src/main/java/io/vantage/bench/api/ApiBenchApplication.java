package io.vantage.bench.api;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** The portal's API and domain without the web pages: what the API benchmark measures. */
@SpringBootApplication(scanBasePackages = {"io.vantage.api", "io.vantage.domain"})
@EntityScan("io.vantage.domain")
@EnableJpaRepositories("io.vantage.domain")
public class ApiBenchApplication {
}
