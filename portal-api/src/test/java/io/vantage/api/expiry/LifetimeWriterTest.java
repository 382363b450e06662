package io.vantage.api.expiry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vantage.domain.expiry.InstanceActivityRepository;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceExpiration;
import io.vantage.domain.instance.InstanceExpirationRepository;

/**
 * An instance's lifetime has one writer, the expiry module: its end of life, its last use and its planned deletion
 * are changed by {@code io.vantage.api.expiry} alone; launch, admin, tunnels and the command worker publish events or
 * call {@link Lifetimes} / {@link Extensions}. (The columns of the last use are read-only in {@link Instance}, so no
 * one else can write them through the aggregate either.)
 */
class LifetimeWriterTest {

    private static final String EXPIRY = "io.vantage.api.expiry..";
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar")) // portal-domain's test fixtures
                .importPackages("io.vantage.api", "io.vantage.domain");
    }

    @Test
    void onlyExpiryMovesTheEndOfLife() {
        noClasses().that().resideOutsideOfPackages(EXPIRY, "io.vantage.domain.instance..")
                .should().callMethodWhere(target(Instance.class, "startLifetime", "extendUntil", "endWithMachine"))
                .check(classes);
    }

    @Test
    void onlyExpiryRecordsUse() {
        noClasses().that().resideOutsideOfPackages(EXPIRY, "io.vantage.domain.expiry..")
                .should().dependOnClassesThat().belongToAnyOf(InstanceActivityRepository.class)
                .check(classes);
    }

    @Test
    void onlyExpiryPlansDeletions() {
        noClasses().that().resideOutsideOfPackages(EXPIRY, "io.vantage.domain.instance..")
                .should().callConstructor(InstanceExpiration.class, Long.class,
                        io.vantage.domain.instance.ExpirationReason.class, java.time.Instant.class)
                .orShould().callMethodWhere(target(InstanceExpiration.class, "reschedule", "warned"))
                .orShould().callMethodWhere(target(InstanceExpirationRepository.class, "save", "saveAll",
                        "saveAndFlush", "delete", "deleteById", "deleteAll"))
                .check(classes);
    }

    private static DescribedPredicate<JavaAccess<?>> target(Class<?> owner, String... names) {
        java.util.Set<String> set = java.util.Set.of(names);
        return DescribedPredicate.describe(owner.getSimpleName() + "." + set,
                access -> access.getTargetOwner().isAssignableTo(owner) && set.contains(access.getName()));
    }
}
