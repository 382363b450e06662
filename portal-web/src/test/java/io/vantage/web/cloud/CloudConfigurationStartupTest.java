package io.vantage.web.cloud;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import io.vantage.VantagePortalApplication;

/**
 * Clouds in the configuration cannot silently go wrong: the portal does not start, and says which property is at
 * fault, when a provider is written as a list entry, has a type no plugin provides, or a setting its type does not
 * read or lacks one it needs.
 */
class CloudConfigurationStartupTest {

    @Test
    void aListOfProvidersIsRefusedWithOrWithoutNames() {
        assertStartFails("vantage.cloud.providers[0].name=site", "vantage.cloud.providers[0].type=local")
                .hasStackTraceContaining("vantage.cloud.providers[0].name");
        assertStartFails("vantage.cloud.providers[0].type=local")
                .hasStackTraceContaining("vantage.cloud.providers.0: vantage.cloud.providers is a map by provider "
                        + "name, not a list");
    }

    @Test
    void unknownTypesAndSettingsAndMissingOnesAreNamed() {
        assertStartFails("vantage.cloud.providers.site.type=openstack",
                "vantage.cloud.providers.site.settings.identity-endpoint=https://keystone.example.org/v3",
                "vantage.cloud.providers.lab.type=slurmm")
                .hasStackTraceContaining("vantage.cloud.providers.site.settings.identity-endpoint: unknown setting "
                        + "'identity-endpoint'")
                .hasStackTraceContaining("vantage.cloud.providers.site.settings.auth-url: missing required setting "
                        + "'auth-url'")
                .hasStackTraceContaining("vantage.cloud.providers.lab.type: no provider type 'slurmm' is installed");
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertStartFails(
            String... properties) {
        List<String> all = new ArrayList<>(List.of("server.port=0", "vantage.database.embedded.ephemeral=true",
                "vantage.demo.seed=false", "vantage.reconcile.enabled=false", "vantage.commands.enabled=false",
                // quiet the expected failure's report only: a root level set here outlives this application in the
                // test JVM and silenced every later test's log
                "logging.level.org.springframework.boot.SpringApplication=off",
                "logging.level.org.springframework.boot.diagnostics=off"));
        all.addAll(List.of(properties));
        return assertThatThrownBy(() -> new SpringApplicationBuilder(VantagePortalApplication.class)
                .properties(all.toArray(String[]::new)).run().close());
    }
}
