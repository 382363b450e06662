package io.vantage.cloud.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.vantage.cloud.api.CloudInitUserData;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.InstanceMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The provider through the SPI against {@link FakeProxmox}: lifecycle, failed tasks, lost answers, only our VMs. */
class ProxmoxComputeTest {

    static final String SECRET = "vnc-and-jupyter-secret";

    @TempDir
    Path snippets;

    FakeProxmox cluster;
    CloudProvider provider;
    Compute compute;

    @BeforeEach
    void setUp() {
        cluster = new FakeProxmox();
        provider = FakeProxmox.provider(cluster.settings(snippets), "portal-a");
        compute = provider.compute();
    }

    @AfterEach
    void tearDown() {
        cluster.close();
    }

    @Test
    void createClonesOnTheFreestNodeConfiguresAndStartsAndTheGuestAgentGivesTheAddress() throws Exception {
        CloudInstance created = compute.create(request("abc123", "small"));

        assertThat(created.computeId()).isEqualTo("101");
        assertThat(created.state()).as("running, but the guest agent has no address yet").isEqualTo(CloudState.STARTING);
        assertThat(created.instanceUid()).contains("abc123");
        CloudInstance active = awaitState("101", CloudState.RUNNING);
        assertThat(active.addresses()).containsExactly(VmRoutes.address(101));

        FakeProxmox.Vm vm = cluster.vm(101);
        assertThat(vm.node).as("pve2 has the most free memory").isEqualTo("pve2");
        assertThat(vm.name).isEqualTo("vantage-abc123");
        assertThat(vm.cores).isEqualTo(2);
        assertThat(vm.memory).isEqualTo(4096);
        assertThat(vm.config).containsEntry("cicustom", "user=cephfs:snippets/vantage-abc123-user.yaml,"
                + "meta=cephfs:snippets/vantage-abc123-meta.yaml").containsEntry("ipconfig0", "ip=dhcp")
                .containsEntry("full", "0").containsEntry("agent", "1");
        assertThat(vm.tags.split(";")).contains("vantage-deployment.portal-a", "vantage-instance.abc123",
                "vantage-owner.alice+40facility.eu");
        assertThat(vm.description).contains("vantage-owner: alice@facility.eu", "vantage-experiments: EXP-42")
                .doesNotContain(SECRET);
        LoggedRequest clone = cluster.wireMock().findAll(postRequestedFor(urlPathMatching(".*/clone"))).get(0);
        assertThat(clone.getUrl()).isEqualTo("/api2/json/nodes/pve1/qemu/9000/clone");
        assertThat(clone.getBodyAsString()).contains("newid=101", "target=pve2", "full=0");

        Path user = snippets.resolve("vantage-abc123-user.yaml");
        assertThat(Files.readString(user)).contains("Content-Type: multipart/mixed");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(user))).isEqualTo("rw-------");
        JsonNode meta = new ObjectMapper().readTree(snippets.resolve("vantage-abc123-meta.yaml").toFile());
        assertThat(meta.path("instance-id").asText()).isEqualTo("vantage-abc123");
        assertThat(meta.at("/meta/vantage-secret").asText()).isEqualTo(SECRET);
        assertThat(snippets.resolve("vantage-abc123-create.json")).as("the create journal is done with").doesNotExist();
        assertThat(CloudInitUserData.METADATA_PATH).isEqualTo("/etc/vantage/metadata.json");
    }

    @Test
    void stopStartRebootAndDelete() {
        String id = compute.create(request("life1", "small")).computeId();
        awaitState(id, CloudState.RUNNING);

        compute.stop(id);
        assertThat(compute.get(id)).get().extracting(CloudInstance::state).isEqualTo(CloudState.STOPPED);
        assertThat(cluster.wireMock().findAll(postRequestedFor(urlPathMatching(".*/status/shutdown"))).get(0)
                .getBodyAsString()).contains("forceStop=1");

        compute.start(id);
        assertThat(awaitState(id, CloudState.RUNNING).address()).contains(VmRoutes.address(101));

        compute.reboot(id);
        assertThat(compute.get(id)).get().extracting(CloudInstance::state).isEqualTo(CloudState.STARTING);
        awaitState(id, CloudState.RUNNING);

        compute.delete(id);
        assertThat(compute.get(id)).isEmpty();
        assertThat(cluster.vm(101)).isNull();
        assertThat(snippets).isEmptyDirectory();
        compute.delete(id);
        assertThat(compute.list()).isEmpty();
    }

    @Test
    void aFailedCloneIsAnErrorWithProxmoxsMessageAndLeavesNothingBehind() {
        cluster.failNextTask("qmclone", "clone failed: storage 'ceph-vm' is not online");

        assertThatThrownBy(() -> compute.create(request("fail1", "small")))
                .isInstanceOf(CloudPermanentException.class)
                .hasMessageContaining("clone template 9000").hasMessageContaining("storage 'ceph-vm' is not online");

        assertThat(cluster.vms).containsOnlyKeys(100, FakeProxmox.TEMPLATE);
        assertThat(snippets).isEmptyDirectory();
        assertThat(compute.list()).isEmpty();
    }

    @Test
    void aFailedStartIsAnErrorAndTheHalfMadeMachineIsRemoved() {
        cluster.failNextTask("qmstart", "start failed: QEMU exited with code 1");

        assertThatThrownBy(() -> compute.create(request("fail2", "small")))
                .isInstanceOf(CloudPermanentException.class).hasMessageContaining("QEMU exited with code 1");

        assertThat(cluster.vm(101)).as("the clone that would never start").isNull();
        assertThat(snippets).isEmptyDirectory();
    }

    @Test
    void aGuestStoppedByAnIoErrorIsAnErrorWithQemusStatusAndAPausedOneIsStoppedUntilResumed() {
        String id = compute.create(request("io1", "small")).computeId();
        cluster.vm(101).qmpstatus = "io-error";

        CloudInstance broken = compute.get(id).orElseThrow();
        assertThat(broken.state()).isEqualTo(CloudState.ERROR);
        assertThat(broken.fault()).isEqualTo("QEMU reports io-error for this VM");

        cluster.vm(101).qmpstatus = "paused";
        assertThat(compute.get(id)).get().extracting(CloudInstance::state).isEqualTo(CloudState.STOPPED);
        compute.start(id);
        assertThat(cluster.vm(101).qmpstatus).isEqualTo("running");
    }

    @Test
    void aLostCreateAnswerIsFoundByTheInstanceUidAndAdoptedNotCloneAgain() {
        cluster.loseNextAnswer("POST /nodes/.*/status/start");

        assertThatThrownBy(() -> compute.create(request("lost1", "small")))
                .isInstanceOf(io.vantage.cloud.api.CloudTransientException.class).hasMessageContaining("start VM 101");

        // the portal's retry looks the machine up by uid before it would create again
        CloudInstance adopted = compute.findByInstanceUid("lost1").orElseThrow();
        assertThat(adopted.computeId()).isEqualTo("101");
        assertThat(awaitState(adopted.computeId(), CloudState.RUNNING).address()).isPresent();
        assertThat(compute.create(request("lost1", "small")).computeId()).as("a create asked again").isEqualTo("101");
        assertThat(cluster.clones.get()).isEqualTo(1);
        assertThat(compute.findByInstanceUid("other")).isEmpty();
    }

    @Test
    void aCloneOutlastingTheWaitIsTakenUpAgainNeverClonedTwiceAndNeverLost() {
        provider = FakeProxmox.provider(withFullCloneAndShortWait(), "portal-a");
        compute = provider.compute();
        cluster.slowTasks("qmclone", 1_000_000);

        assertThatThrownBy(() -> compute.create(request("slow1", "small")))
                .isInstanceOf(io.vantage.cloud.api.CloudTransientException.class).hasMessageContaining("still running");
        assertThat(cluster.vm(101).name).as("a full clone has no name while its disks are copied").isNull();
        assertThat(compute.findByInstanceUid("slow1")).as("not finished, so not adoptable").isEmpty();
        assertThat(compute.list()).singleElement().satisfies(machine -> {
            assertThat(machine.state()).isEqualTo(CloudState.BUILDING);
            assertThat(machine.instanceUid()).contains("slow1");
        });
        assertThatThrownBy(() -> compute.create(request("slow1", "small")))
                .isInstanceOf(io.vantage.cloud.api.CloudTransientException.class)
                .hasMessageContaining("VM is locked (clone)");

        cluster.tasks.values().forEach(task -> task.ticks = 0);
        CloudInstance done = compute.create(request("slow1", "small"));

        assertThat(done.computeId()).isEqualTo("101");
        assertThat(cluster.clones.get()).isEqualTo(1);
        assertThat(cluster.vm(101).config).containsEntry("full", "1");
    }

    @Test
    void aVmIdTakenMeanwhileIsRetriedWithAnotherAndTheOtherClientsVmIsNeverTouched() {
        cluster.nextIdRace = true;

        assertThatThrownBy(() -> compute.create(request("race1", "small")))
                .isInstanceOf(io.vantage.cloud.api.CloudTransientException.class)
                .hasMessageContaining("config file already exists");
        assertThat(compute.list()).as("VM 101 is the other client's").isEmpty();

        assertThat(compute.create(request("race1", "small")).computeId()).isEqualTo("102");
        assertThat(cluster.vm(101).tags).isNull();
        assertThat(cluster.vm(101).lock).isEqualTo("clone");
    }

    @Test
    void aLockedVmIsBusyNotBroken() {
        String id = compute.create(request("lock1", "small")).computeId();
        cluster.vm(101).lock = "backup";

        assertThatThrownBy(() -> compute.stop(id)).isInstanceOf(io.vantage.cloud.api.CloudTransientException.class)
                .hasMessageContaining("VM is locked (backup)");

        cluster.vm(101).lock = null;
        compute.stop(id);
        assertThat(compute.get(id)).get().extracting(CloudInstance::state).isEqualTo(CloudState.STOPPED);
    }

    @Test
    void aRefusedParameterNamesTheSettingItCameFromAndLeavesNoMachine() {
        cluster.refuseParameter("hostpci0", "invalid format - mapping 'a100' does not exist");

        assertThatThrownBy(() -> compute.create(request("gpu1", "gpu")))
                .isInstanceOf(CloudPermanentException.class)
                .hasMessageContaining("parameter 'hostpci0' (from setting flavours.gpu.gpu-mapping)")
                .hasMessageContaining("mapping 'a100' does not exist");
        assertThat(cluster.vm(101)).isNull();
    }

    @Test
    void listAndLookUpSeeOnlyThisDeploymentsMachines() {
        compute.create(request("mine1", "small"));
        CloudProvider other = FakeProxmox.provider(cluster.settings(snippets), "portal-b");
        other.compute().create(request("theirs1", "small", "portal-b"));

        assertThat(compute.list()).extracting(machine -> machine.instanceUid().orElseThrow()).containsExactly("mine1");
        assertThat(other.compute().list()).extracting(CloudInstance::computeId).containsExactly("102");
        assertThat(compute.findByInstanceUid("theirs1")).isEmpty();
        assertThat(compute.get("102")).as("another deployment's VM").isEmpty();
        assertThat(compute.get("100")).as("a stranger's VM").isEmpty();
        compute.delete("100");
        assertThat(cluster.vm(100)).isNotNull();
    }

    @Test
    void limitsComeFromTheClustersNodesAndRunningVms() {
        compute.create(request("lim1", "small"));

        var limits = provider.limits().limits();

        assertThat(limits.maxVcpu()).isEqualTo(32);
        assertThat(limits.maxMemoryMib()).isEqualTo(2 * 64 * 1024);
        assertThat(limits.usedVcpu()).as("the stranger's 4 and ours 2").isEqualTo(6);
        assertThat(limits.usedMemoryMib()).isEqualTo(8192 + 4096);
        assertThat(limits.maxInstances()).isEqualTo(10);
        assertThat(limits.usedInstances()).isEqualTo(1);
    }

    private ProxmoxSettings withFullCloneAndShortWait() {
        ProxmoxSettings s = cluster.settings(snippets);
        return new ProxmoxSettings(s.apiUrl(), s.tokenId(), s.tokenSecret(), null, s.fingerprint(), s.images(),
                s.flavours(), List.of(), true, "ceph-vm", null, s.snippetsStorage(), s.snippetsDir(), null, null, null,
                Duration.ofMillis(300), Duration.ofMillis(20));
    }

    private CloudInstance awaitState(String id, CloudState state) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> compute.get(id).orElseThrow(), machine -> machine.state() == state);
    }

    static CreateInstanceRequest request(String uid, String flavour) {
        return request(uid, flavour, "portal-a");
    }

    static CreateInstanceRequest request(String uid, String flavour, String deployment) {
        InstanceMetadata metadata = new InstanceMetadata(deployment, uid, "alice@facility.eu", List.of("EXP-42"),
                1920, 1080, "fr", SECRET);
        return new CreateInstanceRequest("vantage-" + uid, "desktop", flavour, null, null, metadata,
                "#!/bin/sh\necho booted\n");
    }
}
