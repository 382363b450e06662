package io.vantage;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The portal: UI, API, tunnels and schedulers in one Spring Boot application. */
@SpringBootApplication
@EnableScheduling
public class VantagePortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(VantagePortalApplication.class, args);
    }
}
