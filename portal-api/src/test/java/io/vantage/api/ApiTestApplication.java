package io.vantage.api;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * portal-api's tests boot this: the API, security, tunnels and schedulers over the domain, without portal-web's
 * pages. With {@code @PortalTest} it runs with the portal's embedded defaults (embedded PostgreSQL seeded with the
 * demo facility, embedded OIDC server, the local provider) and the portal's {@code application.yml}, which the build
 * copies into the test classpath so these tests see exactly the settings the portal ships with. Left out of the
 * test-jar: portal-web's tests boot the whole portal instead.
 */
@SpringBootApplication(scanBasePackages = {"io.vantage.api", "io.vantage.domain"})
@AutoConfigurationPackage(basePackages = "io.vantage.domain")
@EnableScheduling
public class ApiTestApplication {
}
