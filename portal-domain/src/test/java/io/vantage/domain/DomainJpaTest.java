package io.vantage.domain;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.TestPropertySource;

import io.vantage.domain.database.EmbeddedDatabaseAutoConfiguration;
import io.vantage.domain.support.DomainConfiguration;

/**
 * A JPA slice on a real (embedded) PostgreSQL with the Flyway schema and Hibernate validating the mapping.
 * Each test runs in a transaction that is rolled back.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration({EmbeddedDatabaseAutoConfiguration.class, DomainConfiguration.class})
@TestPropertySource(properties = {
        "vantage.database.embedded.ephemeral=true",
        "spring.jpa.hibernate.ddl-auto=validate",
        "spring.jpa.open-in-view=false"})
public @interface DomainJpaTest {
}
