package io.vantage.web.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import io.vantage.api.cloud.CloudProperties;
import io.vantage.api.launch.LifecycleProperties;
import io.vantage.api.security.AuthProperties;
import io.vantage.api.tunnel.TunnelProperties;
import io.vantage.cloud.kubernetes.KubernetesSettings;
import io.vantage.cloud.openstack.OpenStackSettings;
import io.vantage.etl.config.EtlProperties;

/**
 * The Helm chart rendered with every documented example (docs/deployment.md) and the CI values, and what the
 * portal and ETL containers would read bound onto the code's configuration records and each cloud's settings: a key
 * the code does not read, a name mangled on the way, a {@code ${NAME}} without a variable or settings a provider
 * rejects fail the build.
 */
class ChartConfigurationTest {

    static final String DOCS = "docs/deployment.md";

    static Stream<Arguments> documentedValues() {
        Path minimal = DocumentedExamples.file(DocumentedExamples.named(DOCS, "helm-values", "minimal"));
        List<Arguments> cases = new ArrayList<>();
        for (DocumentedExamples.Example example : DocumentedExamples.of(DOCS, "helm-values")) {
            Path[] files = example.name().equals("minimal") ? new Path[] {minimal}
                    : new Path[] {minimal, DocumentedExamples.file(example)};
            cases.add(Arguments.of("docs: " + example.name(), files));
        }
        cases.add(Arguments.of("helm/vantage/ci/full-values.yaml",
                new Path[] {Repository.path("helm/vantage/ci/full-values.yaml")}));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedValues")
    void portalAndEtlReadEveryRenderedSetting(String example, Path[] values) {
        RenderedChart chart = ChartRenderer.render(values);
        ConfigurationCheck portal = ConfigurationCheck.of(PodEnvironment.ofChart(chart,
                chart.get("Deployment", "vantage-portal"), "portal", PodEnvironment.PORTAL_DEFAULTS));
        assertThat(portal.problems()).as("portal settings of " + example).isEmpty();
        chart.find("CronJob", "vantage-etl").ifPresent(etl -> assertThat(ConfigurationCheck.ofEtl(PodEnvironment.ofChart(
                chart, etl, "etl", PodEnvironment.ETL_DEFAULTS)).problems()).as("ETL settings of " + example).isEmpty());
    }

    @Test
    void fullValuesArriveUnchangedInThePortalAndItsClouds() {
        RenderedChart chart = ChartRenderer.render(Repository.path("helm/vantage/ci/full-values.yaml"));
        ConfigurationCheck portal = ConfigurationCheck.of(PodEnvironment.ofChart(chart,
                chart.get("Deployment", "vantage-portal"), "portal", PodEnvironment.PORTAL_DEFAULTS));

        assertThat(portal.get(CloudProperties.class).providers()).containsOnlyKeys("openstack-main", "k8s-instances",
                "kubevirt-vms", "hpc-cluster");
        assertThat(((KubernetesSettings) portal.providerSettings().get("kubevirt-vms")).mode()).isEqualTo("virtual-machines");
        OpenStackSettings openstack = (OpenStackSettings) portal.providerSettings().get("openstack-main");
        assertThat(openstack.authUrl()).isEqualTo("https://keystone.facility.example:5000/v3");
        assertThat(openstack.networkIds()).containsExactly("6f1b5f6e-0000-4000-8000-000000000000");
        // the placeholder is filled from the Secret reference, never left as its own text
        assertThat(openstack.applicationCredentialSecret()).isEqualTo("secret vantage-openstack/application-credential-secret");
        KubernetesSettings k8s = (KubernetesSettings) portal.providerSettings().get("k8s-instances");
        assertThat(k8s.images()).containsOnlyKeys("xfce-desktop");
        assertThat(k8s.images().get("xfce-desktop").ports()).containsExactly(5901);
        assertThat(k8s.images().get("xfce-desktop").secretEnv()).containsExactly("VNC_PASSWORD");
        assertThat(k8s.flavours().get("small").memoryMib()).isEqualTo(4096);
        assertThat(k8s.requestRatio()).isEqualTo(0.5);

        AuthProperties.Oidc oidc = portal.get(AuthProperties.class).oidc();
        assertThat(oidc.roleMapping()).containsExactlyInAnyOrderEntriesOf(
                Map.of("/facility/it-support", "IT_SUPPORT", "vantage.admins", "ADMIN"));
        assertThat(oidc.claims().roles()).isEqualTo("realm_access.roles");
        assertThat(oidc.clientSecret()).isEqualTo("secret vantage-secrets/client-secret");
        LifecycleProperties lifecycle = portal.get(LifecycleProperties.class);
        assertThat(lifecycle.roles().get("INSTRUMENT_SCIENTIST").memoryMib()).isEqualTo(524288);
        assertThat(lifecycle.roles().get("beamline-operators").instances()).isEqualTo(3);
        assertThat(lifecycle.roles()).containsKey("STAFF");   // the jar's defaults stay underneath
        assertThat(portal.get(TunnelProperties.class).guacd().host()).isEqualTo("vantage-guacd");
        assertThat(portal.get(CloudProperties.class).deploymentId()).isEqualTo("facility-prod");
    }

    @Test
    void theDocumentedRolesExampleKeepsEveryName() {
        RenderedChart chart = ChartRenderer.render(
                DocumentedExamples.file(DocumentedExamples.named(DOCS, "helm-values", "minimal")),
                DocumentedExamples.file(DocumentedExamples.named(DOCS, "helm-values", "roles")));
        ConfigurationCheck portal = ConfigurationCheck.of(PodEnvironment.ofChart(chart,
                chart.get("Deployment", "vantage-portal"), "portal", PodEnvironment.PORTAL_DEFAULTS));
        assertThat(portal.get(AuthProperties.class).oidc().roleMapping()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "/facility/staff", "STAFF", "vantage-admins", "ADMIN", "beamline.operators", "INSTRUMENT_CONTROL"));
        assertThat(portal.get(LifecycleProperties.class).roles()).containsKeys("INSTRUMENT_SCIENTIST",
                "beamline.operators");
        assertThat(portal.providerSettings()).containsOnlyKeys("openstack-main");
    }

    @Test
    void theEtlReadsItsOwnSettingsAndSecretsThePortalDoesNotGet() {
        RenderedChart chart = ChartRenderer.render(
                DocumentedExamples.file(DocumentedExamples.named(DOCS, "helm-values", "minimal")),
                DocumentedExamples.file(DocumentedExamples.named(DOCS, "helm-values", "etl")));
        ConfigurationCheck etl = ConfigurationCheck.ofEtl(PodEnvironment.ofChart(chart, chart.get("CronJob", "vantage-etl"),
                "etl", PodEnvironment.ETL_DEFAULTS));
        EtlProperties properties = etl.get(EtlProperties.class);
        assertThat(properties.source()).isEqualTo(EtlProperties.Source.REST);
        assertThat(properties.rest().auth().token()).isEqualTo("secret vantage-user-office/token");
        assertThat(properties.rest().entities()).containsKey("users");
        assertThat(chart.environment(RenderedChart.container(RenderedChart.podSpec(
                chart.get("Deployment", "vantage-portal")), "portal"))).doesNotContainKey("USER_OFFICE_TOKEN");
    }

    /** The check itself: the keys issue 21 found in the old docs, and a missing required one, are caught. */
    @Test
    void wrongOrMissingKeysAreCaught() {
        Path minimal = DocumentedExamples.file(DocumentedExamples.named(DOCS, "helm-values", "minimal"));
        RenderedChart chart = ChartRenderer.render(minimal, ChartRenderer.write("""
                cloud:
                  providers:
                    old-docs:
                      type: openstack
                      settings:
                        identity-endpoint: https://keystone.example.org:5000/v3
                        network-id: 00000000-0000-0000-0000-000000000000
                portal:
                  config:
                    vantage:
                      lifecycle: {roles: {STAFF: {lifetim: 3d}}}
                      tunnel: {guacd: {hots: guacd}}
                      auth: {oidc: {client-secret: "${NOT_SET}"}}
                """));
        List<String> problems = ConfigurationCheck.of(PodEnvironment.ofChart(chart,
                chart.get("Deployment", "vantage-portal"), "portal", PodEnvironment.PORTAL_DEFAULTS)).problems();
        assertThat(String.join("\n", problems)).contains("identity-endpoint", "network-id", "lifetim", "hots",
                "${NOT_SET}");
        // the required auth-url, reported by the provider itself (however it spells the setting)
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("old-docs", "missing").containsPattern("auth-?[uU]rl"));
    }

    @Test
    void aVariableNamingNoSettingIsCaught() {
        RenderedChart chart = ChartRenderer.render(
                DocumentedExamples.file(DocumentedExamples.named(DOCS, "helm-values", "minimal")),
                ChartRenderer.write("portal: {env: {VANTAGE_TUNNEL_GUACD_HOTS: guacd, SPRING_DATASOURCE_URI: x}}"));
        List<String> problems = ConfigurationCheck.of(PodEnvironment.ofChart(chart,
                chart.get("Deployment", "vantage-portal"), "portal", PodEnvironment.PORTAL_DEFAULTS)).problems();
        assertThat(String.join("\n", problems)).contains("VANTAGE_TUNNEL_GUACD_HOTS", "SPRING_DATASOURCE_URI");
    }

    @Test
    void theCiMinimumIsTheDocumentedMinimum() throws Exception {
        Object documented = new Yaml().load(DocumentedExamples.named(DOCS, "helm-values", "minimal").text());
        Object ci = new Yaml().load(Files.readString(Repository.path("helm/vantage/ci/minimal-values.yaml")));
        assertThat(ci).isEqualTo(documented);
    }
}
