package io.vantage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward between the Maven modules: web → api → domain; providers implement the SPI and know
 * nothing of the portal nor of each other. Inside portal-api and portal-domain, Spring Modulith checks the features
 * (ModulesTest, DomainModulesTest); these rules are about what it does not see.
 */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // the rules are about main code: test classes are left out, those in other modules' test-jars too
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("io.vantage");
    }

    @Test
    void domainDependsOnNothingOutward() {
        noClasses().that().resideInAPackage("io.vantage.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vantage.api..", "io.vantage.web..",
                        "io.vantage.cloud..", "io.vantage.etl..")
                .check(classes);
    }

    @Test
    void providersKnowNothingOfThePortal() {
        noClasses().that().resideInAPackage("io.vantage.cloud..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vantage.domain..", "io.vantage.api..",
                        "io.vantage.web..", "io.vantage.etl..")
                .check(classes);
    }

    /** Provider types are plugins: the portal talks to the SPI only, so a new type changes nothing here. */
    @Test
    void portalKnowsProvidersOnlyThroughTheSpi() {
        noClasses().that().resideInAnyPackage("io.vantage.api..", "io.vantage.domain..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("io.vantage.cloud..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("io.vantage.cloud.api.."))))
                .check(classes);
    }

    /**
     * Nor at build time: portal-api and portal-domain do not even have a provider module on their main class path
     * (portal-api's tests run the portal's clouds, so its test scope has them).
     */
    @Test
    void portalModulesDependOnNoProviderModule() throws Exception {
        Pattern provider = Pattern.compile("<artifactId>cloud-provider-(?!api<)[^<]*</artifactId>");
        for (String module : new String[] {"portal-api", "portal-domain", "db"}) {
            String pom = Files.readString(Path.of("..", module, "pom.xml"));
            assertThat(Pattern.compile("<dependency>.*?</dependency>", Pattern.DOTALL).matcher(pom).results()
                    .map(MatchResult::group)
                    .filter(dependency -> provider.matcher(dependency).find())
                    .filter(dependency -> !dependency.contains("<scope>test</scope>")))
                    .as(module + "/pom.xml depends on a provider module outside its tests").isEmpty();
        }
    }

    @Test
    void apiDoesNotDependOnTheWebLayer() {
        noClasses().that().resideInAPackage("io.vantage.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vantage.web..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void etlOnlyUsesTheDomain() {
        noClasses().that().resideInAPackage("io.vantage.etl..")
                .should().dependOnClassesThat().resideInAnyPackage("io.vantage.api..", "io.vantage.web..",
                        "io.vantage.cloud..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** Every provider on the portal's class path (io.vantage.cloud.<type>), each on its own: none uses another. */
    @Test
    void providerImplementationsDoNotDependOnEachOther() {
        java.util.Set<String> providers = new java.util.TreeSet<>();
        classes.stream().map(JavaClass::getPackageName).filter(name -> name.startsWith("io.vantage.cloud."))
                .map(name -> name.split("\\.")[3]).filter(name -> !name.equals("api")).forEach(providers::add);
        assertThat(providers).contains("local", "openstack", "kubernetes", "slurm", "proxmox");
        for (String provider : providers) {
            noClasses().that().resideInAPackage("io.vantage.cloud." + provider + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(providers.stream()
                            .filter(other -> !other.equals(provider))
                            .map(other -> "io.vantage.cloud." + other + "..").toArray(String[]::new))
                    .check(classes);
        }
    }
}
