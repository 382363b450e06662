package io.vantage.cloud.local;

import io.vantage.cloud.api.Capability;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.Endpoint;
import io.vantage.cloud.api.HandOverRequest;
import io.vantage.cloud.api.InstanceMetadata;
import io.vantage.cloud.api.PoolSecrets;
import io.vantage.cloud.api.Tags;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A pool instance (made without an owner, with the pool secret) handed over to its owner by a direct call: the
 * owner's secret opens the desktop and the notebook, the pool secret opens nothing, the record carries the owner's
 * name, tags and screen, and the processes run as the same instance user with the owner's experiments.
 */
class HandOverTest extends LocalProviderTestSupport {

    static CreateInstanceRequest poolRequest(String imageId, String uid, String poolSecret) {
        InstanceMetadata metadata = new InstanceMetadata(DEPLOYMENT, uid, null, List.of(), 1024, 768, null,
                poolSecret);
        return new CreateInstanceRequest("vantage-" + uid, imageId, "small", null, null, metadata, null);
    }

    static HandOverRequest handOver(String uid, String poolSecret, String nonce) {
        InstanceMetadata owner = new InstanceMetadata(DEPLOYMENT, uid, "alice", List.of("EXP-7", "EXP-8"), 1280, 720,
                "fr-fr-azerty", PoolSecrets.ownerSecret(poolSecret, nonce));
        return new HandOverRequest("Alice's analysis", owner, poolSecret, nonce);
    }

    @Test
    void aPoolDesktopServesOnlyItsOwnersSecretAfterHandOver() throws Exception {
        CloudProvider provider = provider();
        assertThat(provider.capabilities()).contains(Capability.POOL);
        String poolSecret = newSecret();
        String computeId = provider.compute().create(poolRequest("desktop", "uidpooldesk1", poolSecret)).computeId();
        CloudInstance pooled = awaitState(provider, computeId, CloudState.RUNNING);
        assertThat(pooled.tags()).doesNotContainKey(Tags.OWNER);
        assertThat(VncClient.authenticate(endpoint(provider, pooled), poolSecret).authenticated()).isTrue();
        InstanceUser user = record(computeId).user();

        HandOverRequest request = handOver("uidpooldesk1", poolSecret, "nonce-1");
        provider.handOver().orElseThrow().handOver(pooled, request);

        CloudInstance handed = provider.compute().get(computeId).orElseThrow();
        assertThat(handed.state()).isEqualTo(CloudState.RUNNING);
        assertThat(handed.tags()).containsEntry(Tags.OWNER, "alice").containsEntry(Tags.INSTANCE, "uidpooldesk1");
        Endpoint vnc = endpoint(provider, handed);
        VncClient.Result owner = VncClient.authenticate(vnc, request.metadata().secret());
        assertThat(owner.authenticated()).as(owner.reason()).isTrue();
        assertThat(owner.width()).isEqualTo(1280);
        assertThat(owner.height()).isEqualTo(720);
        assertThat(VncClient.authenticate(vnc, poolSecret).authenticated()).as("the pool secret").isFalse();

        InstanceRecord record = record(computeId);
        assertThat(record.name()).isEqualTo("Alice's analysis");
        assertThat(record.user()).isEqualTo(user);
        for (ProcessRecord process : record.processes()) {
            assertThat(environment(process.pid())).contains("VANTAGE_EXPERIMENTS=EXP-7,EXP-8");
            if (user != null) {
                assertThat(uids(process.pid())).containsOnly(user.uid());
            }
        }

        List<Long> pids = record.processes().stream().map(ProcessRecord::pid).toList();
        provider.handOver().orElseThrow().handOver(handed, request);
        assertThat(record(computeId).processes()).extracting(ProcessRecord::pid).as("the same request again")
                .containsExactlyElementsOf(pids);
        assertThatThrownBy(() -> provider.handOver().orElseThrow().handOver(handed,
                handOver("uidpooldesk1", poolSecret, "nonce-2"))).isInstanceOf(CloudPermanentException.class)
                .hasMessageContaining("handed over already");
    }

    @Test
    void aPoolNotebookTakesTheOwnersTokenAndRefusesThePoolSecret() throws Exception {
        CloudProvider provider = provider();
        String poolSecret = newSecret();
        String computeId = provider.compute().create(poolRequest("notebook", "uidpoolnote1", poolSecret)).computeId();
        CloudInstance pooled = awaitState(provider, computeId, CloudState.RUNNING);
        URI status = URI.create("http://" + provider.network().endpoint(pooled, 8888).orElseThrow()
                + "/instances/uidpoolnote1/jupyter/api/status");
        assertThat(status(status, poolSecret)).isEqualTo(200);

        HandOverRequest request = handOver("uidpoolnote1", poolSecret, "nonce-n");
        provider.handOver().orElseThrow().handOver(pooled, request);

        URI after = URI.create("http://" + provider.network().endpoint(provider.compute().get(computeId)
                .orElseThrow(), 8888).orElseThrow() + "/instances/uidpoolnote1/jupyter/api/status");
        assertThat(status(after, request.metadata().secret())).isEqualTo(200);
        assertThat(status(after, poolSecret)).isIn(401, 403);
    }

    private static Endpoint endpoint(CloudProvider provider, CloudInstance machine) {
        return provider.network().endpoint(machine, 5901).orElseThrow();
    }

    private static String environment(long pid) throws Exception {
        return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"))).replace('\0', '\n');
    }

    private static int status(URI uri, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Authorization", "token " + token)
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
