package io.vantage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.vantage.web.deploy.DeploymentTasks;

/**
 * The portal: UI, API, tunnels and schedulers in one Spring Boot application. The ETL's own command-line
 * application is left out; its import service and nightly schedule are part of the portal.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.vantage\\.etl\\.cli\\..*")})
@EnableScheduling
public class VantagePortalApplication {

    /** Starts the portal, or runs a deployment task ({@code migrate}, {@code trust-store ...}) and exits. */
    public static void main(String[] args) {
        var task = DeploymentTasks.run(args);
        if (task.isPresent()) {
            System.exit(task.getAsInt());
        }
        SpringApplication.run(VantagePortalApplication.class, args);
    }
}
