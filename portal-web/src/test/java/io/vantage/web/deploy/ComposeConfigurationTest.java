package io.vantage.web.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.ConfigurableEnvironment;
import org.yaml.snakeyaml.Yaml;

import io.vantage.api.security.AuthProperties;
import io.vantage.api.tunnel.TunnelProperties;
import io.vantage.etl.config.EtlProperties;

/**
 * docker-compose.yml's portal and ETL, as compose would start them (variables at their defaults, the files they
 * mount from the repository), bound onto the code's configuration records: every setting there is one the code
 * reads. (.ci/compose-check.py checks the rest of the file: images, health checks, start order, mounts.)
 */
class ComposeConfigurationTest {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)(?::?-([^}]*))?}");

    @Test
    void thePortalReadsEveryComposeSetting() throws IOException {
        ConfigurationCheck portal = ConfigurationCheck.of(environment("portal", PodEnvironment.PORTAL_DEFAULTS));
        assertThat(portal.problems()).isEmpty();
        AuthProperties.Oidc oidc = portal.get(AuthProperties.class).oidc();
        assertThat(oidc.issuerUri()).isEqualTo("http://keycloak.localhost:8180/realms/vantage");
        assertThat(oidc.claims().userId()).isEqualTo("person_id");
        assertThat(portal.get(TunnelProperties.class).guacd().host()).isEqualTo("guacd");
    }

    @Test
    void theEtlReadsTheSampleExportWithoutMigrating() throws IOException {
        ConfigurableEnvironment environment = environment("etl", PodEnvironment.ETL_DEFAULTS);
        ConfigurationCheck etl = ConfigurationCheck.ofEtl(environment);
        assertThat(etl.problems()).isEmpty();
        assertThat(etl.get(EtlProperties.class).files().dir()).hasToString("/data/user-office");
        assertThat(environment.getProperty("spring.flyway.enabled")).isEqualTo("false");
        // MigrationJobTest imports that folder; here: it is what compose mounts there
        assertThat(mounts("etl")).containsEntry("/data/user-office", Repository.path("docker/user-office").normalize());
    }

    private static ConfigurableEnvironment environment(String service, String defaults) throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        RenderedChart.map(service(service).get("environment"))
                .forEach((k, v) -> variables.put(k, interpolate(String.valueOf(v))));
        Map<String, String> files = new LinkedHashMap<>();
        for (String path : PodEnvironment.configFiles(variables)) {
            Path dir = mounts(service).get(Path.of(path).getParent().toString());
            assertThat(dir).as(service + " reads " + path + ", which no volume provides").isNotNull();
            files.put(path, Files.readString(dir.resolve(Path.of(path).getFileName())));
        }
        return PodEnvironment.of(variables, files, defaults);
    }

    /** Container folder -> repository folder, for the bind mounts of a service. */
    private static Map<String, Path> mounts(String service) {
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (Object volume : (List<?>) service(service).getOrDefault("volumes", List.of())) {
            String[] parts = interpolate(String.valueOf(volume)).split(":");
            if (parts[0].startsWith("./")) {
                mounts.put(parts[1], Repository.ROOT.resolve(parts[0]).normalize());
            }
        }
        return mounts;
    }

    private static Map<String, Object> service(String name) {
        try {
            Map<String, Object> compose = new Yaml().load(Files.readString(Repository.path("docker-compose.yml")));
            return RenderedChart.map(RenderedChart.at(compose, "services", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As compose does with no variables set: ${VAR:-default} is the default, ${VAR} is empty. */
    private static String interpolate(String value) {
        Matcher m = VARIABLE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(result, Matcher.quoteReplacement(m.group(2) == null ? "" : m.group(2)));
        }
        return m.appendTail(result).toString();
    }
}
