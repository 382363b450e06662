package io.vantage.api.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypes;
import org.springframework.orm.jpa.persistenceunit.PersistenceManagedTypesScanner;

/**
 * The domain's entities and repositories for an {@code @ApplicationModuleTest}: Modulith narrows the
 * auto-configuration and entity scan packages to the tested module's, which would leave out
 * {@code io.vantage.domain}, where they all live. Import it with the embedded database
 * ({@code vantage.database.embedded.ephemeral=true}).
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableJpaRepositories("io.vantage.domain")
public class ModuleTestPersistence {

    /** Taken by the JPA auto-configuration instead of scanning the (narrowed) entity scan packages. */
    @Bean
    PersistenceManagedTypes domainEntities(ResourceLoader resources) {
        return new PersistenceManagedTypesScanner(resources).scan("io.vantage.domain");
    }
}
