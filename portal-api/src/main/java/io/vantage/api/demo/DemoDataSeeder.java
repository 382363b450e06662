package io.vantage.api.demo;

import java.io.UncheckedIOException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

import io.vantage.api.security.IssuerLocation;
import io.vantage.domain.database.EmbeddedDatabaseAutoConfiguration.EmbeddedDataSource;

/**
 * Fills an empty embedded database with a small facility so a newcomer sees something. Never runs against a
 * facility's own database: only the embedded pool qualifies, and only when it has no users yet. Only with the
 * embedded demo login, too: with a real identity provider, a login matching a demo person's id or e-mail (the
 * demo admin is {@code admin}) would inherit that person's roles.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "vantage.demo.seed", havingValue = "true", matchIfMissing = true)
class DemoDataSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final DataSource dataSource;
    private final DemoDataFiles files;
    private final IssuerLocation issuer;
    private final DemoDataRepository repository;

    DemoDataSeeder(DataSource dataSource, DemoDataFiles files, IssuerLocation issuer, DemoDataRepository repository) {
        this.dataSource = dataSource;
        this.files = files;
        this.issuer = issuer;
        this.repository = repository;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!(dataSource instanceof EmbeddedDataSource)) {
            return;
        }
        if (!issuer.embedded()) {
            log.info("Not seeding the demo facility: a real identity provider is configured ({})", issuer.uri());
            return;
        }
        Integer users = repository.countUsers();
        if (users == null || users == 0) {
            new ResourceDatabasePopulator(new ClassPathResource("demo/seed.sql")).execute(dataSource);
            files.register();
            log.info("Seeded the embedded database with the demo facility (users, instruments, proposals, images, "
                    + "sample data)");
        }
        try {
            files.ensure();
        } catch (UncheckedIOException e) {
            // the demo's sample files are a convenience: a read-only working folder (a container image) must not
            // keep the portal from starting; launches with data then say which folder they cannot open
            log.warn("Could not write the demo's sample data ({}): set vantage.data.demo-root to a writable folder",
                    e.getCause().getMessage());
        }
    }
}
