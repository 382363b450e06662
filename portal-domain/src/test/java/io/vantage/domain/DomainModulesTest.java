package io.vantage.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * portal-domain's packages are application modules too: no cycles (an instance knows its plan, owner and experiments;
 * none of those knows instances), and each uses only the modules its {@code package-info} allows.
 */
class DomainModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of("io.vantage.domain");

    @Test
    void modulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void everyModuleDeclaresItselfAndItsDependencies() {
        assertThat(MODULES.stream().filter(module -> !declared(module)).map(ApplicationModule::getIdentifier))
                .as("modules without a package-info annotated with @ApplicationModule").isEmpty();
    }

    private static boolean declared(ApplicationModule module) {
        try {
            return Class.forName(module.getBasePackage().getName() + ".package-info")
                    .isAnnotationPresent(org.springframework.modulith.ApplicationModule.class);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
