package io.vantage;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;

/**
 * SQL lives in repositories (DESIGN.md, Modules): Spring Data repositories, or a {@code @Repository} class named
 * {@code …Repository} in the package of the feature that owns the table. Controllers and page controllers reach
 * data through services and queries of portal-api, never through a repository or JDBC.
 */
class SqlInRepositoriesTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // portal-domain's test fixtures
                .importPackages("io.vantage.domain", "io.vantage.api", "io.vantage.web");
    }

    static final DescribedPredicate<JavaClass> REPOSITORY =
            annotatedWith(org.springframework.stereotype.Repository.class).and(simpleNameEndingWith("Repository"))
                    .or(assignableTo(org.springframework.data.repository.Repository.class))
                    .as("a repository");

    static final DescribedPredicate<JavaClass> JDBC = assignableTo(JdbcOperations.class)
            .or(assignableTo(NamedParameterJdbcOperations.class)).or(assignableTo(JdbcClient.class))
            .as("JDBC (JdbcTemplate, NamedParameterJdbcTemplate, JdbcClient)");

    @Test
    void onlyRepositoriesRunSql() {
        noClasses().that(not(REPOSITORY))
                .should().callMethodWhere(target(owner(JDBC)))
                .orShould().callMethodWhere(target(owner(assignableTo(EntityManager.class)))
                        .and(target(nameMatching("create(Native|Named|StoredProcedure|NamedStoredProcedure)?Query"))))
                .because("SQL lives in repositories, in the package of the feature that owns the table")
                .check(classes);
    }

    @Test
    void controllersUseNeitherRepositoriesNorJdbc() {
        noClasses().that().areMetaAnnotatedWith(Controller.class)
                .should().dependOnClassesThat(REPOSITORY.or(JDBC)
                        .or(resideInAnyPackage("org.springframework.jdbc..", "javax.sql.."))
                        .or(assignableTo(EntityManager.class)))
                .because("controllers translate requests; services and queries of portal-api reach the data")
                .check(classes);
    }
}
