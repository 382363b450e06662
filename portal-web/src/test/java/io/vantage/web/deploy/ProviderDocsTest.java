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
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.vantage.api.cloud.CloudProperties;

/**
 * The configurations each provider's documentation shows (blocks marked {@code <!-- checked: portal-config NAME -->},
 * whole {@code application.yml} files): bound as the portal binds a configured cloud onto the type's settings record,
 * with no key the code does not read, and accepted by the type's factory, which checks every setting without calling
 * the cloud. A renamed setting or a documented key the code never had fails the build.
 */
class ProviderDocsTest {

    static final List<String> DOCS = List.of("README.md",
            "cloud-providers/cloud-provider-openstack/README.md",
            "cloud-providers/cloud-provider-kubernetes/README.md",
            "cloud-providers/cloud-provider-proxmox/README.md",
            "cloud-providers/cloud-provider-slurm/README.md",
            "cloud-providers/cloud-provider-local/README.md");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");
    /** Settings naming a folder that must exist on the portal's host (the factory checks it): made in a temp folder. */
    private static final Pattern HOST_FOLDER = Pattern.compile("(?m)^(\\s*snippets-dir:\\s*)(/\\S+)");

    @TempDir
    static Path host;

    static Stream<Arguments> examples() {
        return DOCS.stream().flatMap(doc -> DocumentedExamples.of(doc, "portal-config").stream()
                .map(example -> Arguments.of(doc + ": " + example.name(), example)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyDocumentedProviderConfigurationIsReadAndAccepted(String where, DocumentedExamples.Example example) {
        ConfigurationCheck portal = check(example.text());
        assertThat(portal.problems()).as(where).isEmpty();
        assertThat(portal.get(CloudProperties.class).providers()).as(where).isNotEmpty();
        assertThat(portal.providerSettings()).as(where)
                .containsOnlyKeys(portal.get(CloudProperties.class).providers().keySet());
    }

    /** Each provider type the portal ships documents at least one configuration that is checked. */
    @Test
    void everyTypeHasACheckedExample() {
        List<String> types = examples().map(arguments -> (DocumentedExamples.Example) arguments.get()[1])
                .flatMap(example -> check(example.text()).get(CloudProperties.class).providers().values().stream())
                .map(CloudProperties.Provider::type).distinct().toList();
        assertThat(types).contains("openstack", "kubernetes", "proxmox", "slurm", "local");
    }

    /** The check itself: a setting the Proxmox provider does not have is named. */
    @Test
    void aKeyTheCodeDoesNotReadIsNamed() {
        ConfigurationCheck portal = check("""
                vantage.cloud.providers.pve:
                  type: proxmox
                  settings:
                    api-url: https://pve1.example.org:8006
                    token-id: vantage@pve!portal
                    token-secret: x
                    template-id: 9000
                """);
        assertThat(String.join("\n", portal.problems())).contains("template-id");
    }

    /**
     * ${NAME} placeholders are filled as a deployment's environment would fill them, and folders the portal's host
     * must have are made (under a temporary folder, never on this machine's own paths).
     */
    private static ConfigurationCheck check(String documented) {
        String yaml = HOST_FOLDER.matcher(documented).replaceAll(folder -> folder.group(1)
                + Matcher.quoteReplacement(hostFolder(folder.group(2)).toString()));
        Map<String, String> variables = new LinkedHashMap<>();
        Matcher m = PLACEHOLDER.matcher(yaml);
        while (m.find()) {
            variables.put(m.group(1), "secret " + m.group(1));
        }
        return ConfigurationCheck.of(PodEnvironment.of(variables, Map.of("application.yml", yaml),
                PodEnvironment.PORTAL_DEFAULTS));
    }

    private static Path hostFolder(String path) {
        try {
            return Files.createDirectories(host.resolve(path.substring(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
