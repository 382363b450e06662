package io.vantage.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * portal-api's features are application modules (a direct sub-package of {@code io.vantage.api} each): no cycles
 * between them, each uses only what another exposes (its base package, or the named interface it declares) and only
 * the modules its {@code package-info} allows.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of("io.vantage.api");

    @Test
    void modulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    /** A new feature package states what it is and what it may use, so verify() checks it like the others. */
    @Test
    void everyModuleDeclaresItselfAndItsDependencies() {
        assertThat(MODULES.stream().filter(module -> !declared(module)).map(ApplicationModule::getIdentifier))
                .as("modules without a package-info annotated with @ApplicationModule").isEmpty();
    }

    private static boolean declared(ApplicationModule module) {
        try {
            Class<?> info = Class.forName(module.getBasePackage().getName() + ".package-info");
            return info.isAnnotationPresent(org.springframework.modulith.ApplicationModule.class);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
