package io.vantage.api.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.cloud.DeploymentId;
import io.vantage.api.cloud.ProviderRegistry;
import io.vantage.api.reconcile.OrphanCleanup;
import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.InstanceMetadata;
import io.vantage.cloud.api.ProviderContext;
import io.vantage.cloud.local.LocalProviderFactory;
import io.vantage.cloud.local.LocalSettings;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.PortalTest;
import io.vantage.api.testing.TestWorkDirs;

/**
 * The orphan sweep on real local machines: a machine of this deployment that no instance refers to goes; a live
 * instance's machine stays; another deployment's machine in the same place is never touched; and a machine newer
 * than the newest instance record (as after restoring the database from a backup) is held and reported, not deleted.
 */
@PortalTest
class OrphanCleanupTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    ProviderRegistry providers;

    @Autowired
    DeploymentId deploymentId;

    @Autowired
    OrphanCleanup cleanup;

    @Test
    void onlyThisDeploymentsMachinesWithoutAnInstanceAreDeleted() throws Exception {
        CloudProvider ours = providers.require(jdbc.queryForObject(
                "select id from cloud_providers where name = 'local'", Long.class));
        CloudInstance orphan = ours.compute().create(request(deploymentId.value(), "orphan000001"));
        String live = Desktops.launchActive(new ApiClient("http://localhost:" + port, oidc,
                Desktops.scientist(jdbc, "orphan-owner", "EXP-1")), jdbc, "desktop", List.of("EXP-1"));
        String liveMachine = jdbc.queryForObject("select compute_id from instances where uid = ?", String.class, live);
        CloudInstance restored = ours.compute().create(request(deploymentId.value(), "restored0001"));
        Path workDir = TestWorkDirs.ROOT.resolve("local"); // the work dir of @PortalTest's provider
        try (CloudProvider theirs = new LocalProviderFactory().create("theirs",
                LocalSettings.defaults().withWorkDir(workDir.toString()),
                new ProviderContext("another-deployment", Clock.systemUTC(), Duration.ofSeconds(30)))) {
            CloudInstance foreign = theirs.compute().create(request("another-deployment", "foreign00001"));

            OrphanCleanup.Result swept = cleanup.cleanUp();

            assertThat(swept.deleted()).contains(orphan.computeId())
                    .doesNotContain(liveMachine, foreign.computeId(), restored.computeId());
            assertThat(swept.held()).containsExactly(restored.computeId());
            assertThat(jdbc.queryForList("select details from audit_events where action = 'orphan.held' "
                    + "and target_id = ?", String.class, restored.computeId())).singleElement().asString()
                    .contains("restored0001").contains("restored from a backup");
            assertThat(jdbc.queryForList("select details from audit_events where action = 'orphan.delete' "
                    + "and target_id = ?", String.class, orphan.computeId())).singleElement().asString()
                    .contains("no instance orphan000001");
            assertThat(ours.compute().get(orphan.computeId())).isEmpty();
            assertThat(ours.compute().get(restored.computeId())).isPresent();
            ours.compute().delete(restored.computeId());
            assertThat(ours.compute().get(liveMachine)).isPresent();
            assertThat(theirs.compute().get(foreign.computeId())).isPresent();
            theirs.compute().delete(foreign.computeId());
        }
    }

    private static CreateInstanceRequest request(String deployment, String uid) {
        return new CreateInstanceRequest("orphan-" + uid, "desktop", "small", List.of(), List.of(),
                new InstanceMetadata(deployment, uid, "nobody", List.of(), 1024, 768, "en-us-qwerty", "secret12"), null);
    }
}
