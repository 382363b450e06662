package io.vantage.web.deploy;

import static io.vantage.web.deploy.RenderedChart.at;
import static io.vantage.web.deploy.RenderedChart.container;
import static io.vantage.web.deploy.RenderedChart.list;
import static io.vantage.web.deploy.RenderedChart.map;
import static io.vantage.web.deploy.RenderedChart.podSpec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.ConfigurableEnvironment;

/** What the rendered manifests promise operators: safe defaults, the migration hook, rollouts without drama. */
class ChartManifestTest {

    static final Path MINIMAL = Repository.path("helm/vantage/ci/minimal-values.yaml");
    static final Path FULL = Repository.path("helm/vantage/ci/full-values.yaml");

    @Test
    void actuatorListensOnAManagementPortThatNoRouteReaches() {
        RenderedChart chart = ChartRenderer.render(FULL);
        Map<String, Object> portal = container(podSpec(chart.get("Deployment", "vantage-portal")), "portal");
        assertThat(ports(portal)).containsEntry("http", 8080).containsEntry("management", 8081);
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(at(portal, probe, "httpGet", "port")).as(probe).isEqualTo("management");
        }
        assertThat(portalEnvironment(chart).getProperty("management.server.port")).isEqualTo("8081");

        Map<String, Object> service = chart.get("Service", "vantage-portal");
        assertThat(list(at(service, "spec", "ports")).stream().map(p -> map(p).get("name")))
                .containsExactly("http", "management");
        List<Object> paths = list(at(chart.get("Ingress", "vantage"), "spec", "rules")).stream()
                .flatMap(rule -> list(at(rule, "http", "paths")).stream()).toList();
        assertThat(paths).hasSize(2).allSatisfy(path ->
                assertThat(at(path, "backend", "service", "port", "name")).isEqualTo("http"));
        List<Object> backends = list(at(chart.get("HTTPRoute", "vantage"), "spec", "rules")).stream()
                .flatMap(rule -> list(map(rule).get("backendRefs")).stream()).toList();
        assertThat(backends).singleElement().satisfies(b -> assertThat(map(b).get("port")).isEqualTo(80));
        assertThat(at(list(at(chart.get("ServiceMonitor", "vantage-portal"), "spec", "endpoints")).get(0), "port"))
                .isEqualTo("management");
    }

    @Test
    void networkPoliciesLetOnlyThePortalReachGuacd() {
        RenderedChart chart = ChartRenderer.render(MINIMAL);
        Map<String, Object> guacd = chart.get("NetworkPolicy", "vantage-guacd");
        assertThat(list(at(guacd, "spec", "policyTypes"))).containsExactly("Ingress", "Egress");
        assertThat(list(at(guacd, "spec", "ingress"))).singleElement().satisfies(rule -> {
            assertThat(list(map(rule).get("from"))).singleElement().satisfies(peer -> assertThat(
                    at(peer, "podSelector", "matchLabels", "app.kubernetes.io/component")).isEqualTo("portal"));
            assertThat(list(map(rule).get("ports"))).singleElement()
                    .satisfies(port -> assertThat(map(port).get("port")).isEqualTo("guacd"));
        });
        assertThat(at(guacd, "spec", "podSelector", "matchLabels", "app.kubernetes.io/component")).isEqualTo("guacd");

        Map<String, Object> portal = chart.get("NetworkPolicy", "vantage-portal");
        assertThat(list(at(portal, "spec", "policyTypes"))).containsExactly("Ingress", "Egress");
        List<Object> egressPorts = list(at(portal, "spec", "egress")).stream()
                .flatMap(rule -> list(map(rule).get("ports")).stream()).map(p -> map(p).get("port")).toList();
        assertThat(egressPorts).contains(53, 4822, 5432, 443, 5000, 8774, 5900, 8888);
        assertThat(egressPorts).doesNotContain(22, 80);
    }

    @Test
    void migrationsRunInAHookJobAndThePortalAndEtlStartWithFlywayOff() {
        RenderedChart chart = ChartRenderer.render(FULL);
        Map<String, Object> job = chart.get("Job", "vantage-migration");
        assertThat(at(job, "metadata", "annotations", ChartRenderer.HOOK)).isEqualTo("pre-install,pre-upgrade");
        Map<String, Object> migrate = container(podSpec(job), "migration");
        assertThat(list(migrate.get("args"))).containsExactly("migrate");
        assertThat(migrate.get("image")).isEqualTo(container(podSpec(chart.get("Deployment", "vantage-portal")),
                "portal").get("image"));
        Map<String, String> env = chart.environment(migrate);
        assertThat(env).containsEntry("SPRING_DATASOURCE_PASSWORD", "secret vantage-db-owner/password");
        ConfigurableEnvironment migration = PodEnvironment.of(env, Map.of("job", chart.file(podSpec(job), migrate,
                "/etc/vantage/migration/application.yml").orElseThrow()), PodEnvironment.PORTAL_DEFAULTS);
        assertThat(migration.getProperty("spring.datasource.username")).isEqualTo("vantage_owner");
        assertThat(migration.getProperty("spring.flyway.enabled")).isEqualTo("true");
        // what the Job reads is a hook too, created before it: the chart's own ConfigMap does not exist yet
        Map<String, Object> config = chart.get("ConfigMap", "vantage-migration");
        assertThat(at(config, "metadata", "annotations", ChartRenderer.HOOK)).isEqualTo("pre-install,pre-upgrade");
        assertThat(Integer.parseInt((String) at(config, "metadata", "annotations", ChartRenderer.HOOK + "-weight")))
                .isLessThan(Integer.parseInt((String) at(job, "metadata", "annotations", ChartRenderer.HOOK + "-weight")));

        assertThat(portalEnvironment(chart).getProperty("spring.flyway.enabled")).isEqualTo("false");
        Map<String, Object> cronJob = chart.get("CronJob", "vantage-etl");
        assertThat(PodEnvironment.ofChart(chart, cronJob, "etl", PodEnvironment.ETL_DEFAULTS)
                .getProperty("spring.flyway.enabled")).isEqualTo("false");
    }

    @Test
    void withoutTheJobThePortalMigratesItself() {
        RenderedChart chart = ChartRenderer.render(MINIMAL, ChartRenderer.write("migration: {enabled: false}"));
        assertThat(chart.find("Job", "vantage-migration")).isEmpty();
        assertThat(portalEnvironment(chart).getProperty("spring.flyway.enabled")).isNull();
    }

    @Test
    void theJobUsesThePortalsPasswordThroughAHookSecretWhenTheChartHoldsIt() {
        RenderedChart chart = ChartRenderer.render(MINIMAL, ChartRenderer.write("database: {existingSecret: '', password: pw}"));
        Map<String, Object> secret = chart.get("Secret", "vantage-migration");
        assertThat(at(secret, "metadata", "annotations", ChartRenderer.HOOK)).isEqualTo("pre-install,pre-upgrade");
        assertThat(at(secret, "data", "password")).isEqualTo("cHc=");
        assertThat(chart.environment(container(podSpec(chart.get("Job", "vantage-migration")), "migration")))
                .containsEntry("SPRING_DATASOURCE_PASSWORD", "secret vantage-migration/password");
    }

    @Test
    void replicasPreferDistinctNodesAndStopGently() {
        RenderedChart chart = ChartRenderer.render(MINIMAL);
        for (String name : List.of("vantage-portal", "vantage-guacd")) {
            Map<String, Object> pod = podSpec(chart.get("Deployment", name));
            assertThat(at(pod, "affinity", "podAntiAffinity", "preferredDuringSchedulingIgnoredDuringExecution"))
                    .as(name).isNotNull();
            assertThat(at(pod, "affinity", "podAntiAffinity", "requiredDuringSchedulingIgnoredDuringExecution"))
                    .as(name).isNull();
        }
        Map<String, Object> deployment = chart.get("Deployment", "vantage-portal");
        assertThat(at(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable")).isEqualTo(0);
        Map<String, Object> portal = container(podSpec(deployment), "portal");
        assertThat(at(portal, "lifecycle", "preStop", "sleep", "seconds")).isEqualTo(10);
        assertThat(at(portal, "startupProbe", "failureThreshold")).isEqualTo(60);
        assertThat(at(chart.get("Deployment", "vantage-guacd"), "spec", "replicas")).isEqualTo(2);
        assertThat(at(chart.get("PodDisruptionBudget", "vantage-guacd"), "spec", "minAvailable")).isEqualTo(1);

        RenderedChart hard = ChartRenderer.render(FULL);
        assertThat(at(hard.get("Deployment", "vantage-portal"), "spec", "strategy", "rollingUpdate", "maxUnavailable"))
                .as("hard anti-affinity must not deadlock when replicas equal nodes").isEqualTo(1);
        assertThat(ChartRenderer.refusal(read(MINIMAL),
                "portal: {preStopSeconds: 40, terminationGracePeriodSeconds: 60}"))
                .contains("terminationGracePeriodSeconds must be at least");
    }

    @Test
    void theKubernetesProviderGetsItsRoleInItsNamespaceOnlyInThisCluster() {
        RenderedChart chart = ChartRenderer.render(FULL);
        Map<String, Object> role = chart.get("Role", "vantage-k8s-instances");
        assertThat(at(role, "metadata", "namespace")).isEqualTo("vantage-instances");
        assertThat(list(at(role, "rules"))).extracting(r -> map(r).get("resources"), r -> map(r).get("verbs"))
                .containsExactly(
                        tuple(List.of("pods", "services", "secrets", "persistentvolumeclaims"),
                                List.of("get", "list", "create", "delete")),
                        tuple(List.of("resourcequotas"), List.of("get", "list")));
        Map<String, Object> binding = chart.get("RoleBinding", "vantage-k8s-instances");
        assertThat(list(binding.get("subjects"))).singleElement().satisfies(s -> {
            assertThat(map(s).get("name")).isEqualTo("vantage");
            assertThat(map(s).get("namespace")).isEqualTo("vantage");
        });
        assertThat(chart.find("Role", "vantage-hpc-cluster")).as("a kubeconfig for another cluster").isEmpty();
        Map<String, Object> vms = chart.get("Role", "vantage-kubevirt-vms");
        assertThat(at(vms, "metadata", "namespace")).isEqualTo("vantage-vms");
        assertThat(list(at(vms, "rules"))).extracting(r -> map(r).get("apiGroups"), r -> map(r).get("resources"),
                        r -> map(r).get("verbs"))
                .as("KubeVirt mode: what VmCompute asks of the API server")
                .contains(tuple(List.of("kubevirt.io"), List.of("virtualmachines"),
                                List.of("get", "list", "create", "delete", "patch")),
                        tuple(List.of("kubevirt.io"), List.of("virtualmachineinstances"), List.of("get", "list", "delete")),
                        tuple(List.of("subresources.kubevirt.io"), List.of("virtualmachineinstances/unpause"),
                                List.of("update")));
        assertThat(list(at(role, "rules"))).as("pods only: no KubeVirt rights").hasSize(2);
    }

    @Test
    void theDeploymentIdIsLeftToTheDatabaseUnlessSet() {
        // empty, as in the jar's defaults: the portal generates one once and keeps it in the database
        assertThat(portalEnvironment(ChartRenderer.render(MINIMAL)).getProperty("vantage.cloud.deployment-id")).isEmpty();
        assertThat(portalEnvironment(ChartRenderer.render(FULL)).getProperty("vantage.cloud.deployment-id"))
                .isEqualTo("facility-prod");
    }

    @Test
    void theImageIsNamedByTheOperatorAndPinnedByDigest() {
        assertThat(ChartRenderer.refusal("database: {password: x}")).contains("portal.image.repository is required");
        assertThat(container(podSpec(ChartRenderer.render(FULL).get("Deployment", "vantage-portal")), "portal")
                .get("image")).isEqualTo("registry.facility.example/vantage/portal:0.1.0@sha256:" + "0".repeat(64));
    }

    @Test
    void httpsMakesTheSessionCookieSecureAndTheCaBundleReachesEveryJvm() {
        RenderedChart chart = ChartRenderer.render(FULL);
        assertThat(portalEnvironment(chart).getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
        for (Map<String, Object> workload : List.of(chart.get("Deployment", "vantage-portal"),
                chart.get("CronJob", "vantage-etl"), chart.get("Job", "vantage-migration"))) {
            Map<String, Object> pod = podSpec(workload);
            assertThat(list(pod.get("initContainers"))).singleElement().satisfies(init ->
                    assertThat(list(map(init).get("args"))).containsExactly("trust-store", "/etc/vantage/ca/ca.crt",
                            "/etc/vantage/truststore/truststore.p12"));
            Map<String, Object> main = map(list(pod.get("containers")).get(0));
            assertThat(chart.environment(main).get("JAVA_TOOL_OPTIONS"))
                    .contains("-Djavax.net.ssl.trustStore=/etc/vantage/truststore/truststore.p12");
        }
        RenderedChart plain = ChartRenderer.render(MINIMAL, ChartRenderer.write("portal: {publicUrl: http://vantage.lab}"));
        // Not forced either way: the jar leaves Secure to the request (https directly or through X-Forwarded-Proto).
        assertThat(portalEnvironment(plain).getProperty("server.servlet.session.cookie.secure")).isNull();
    }

    private static ConfigurableEnvironment portalEnvironment(RenderedChart chart) {
        return PodEnvironment.ofChart(chart, chart.get("Deployment", "vantage-portal"), "portal",
                PodEnvironment.PORTAL_DEFAULTS);
    }

    private static Map<Object, Object> ports(Map<String, Object> container) {
        return list(container.get("ports")).stream().map(RenderedChart::map)
                .collect(Collectors.toMap(p -> p.get("name"), p -> p.get("containerPort")));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
