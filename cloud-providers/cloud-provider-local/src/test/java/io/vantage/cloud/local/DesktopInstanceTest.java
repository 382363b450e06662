package io.vantage.cloud.local;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Endpoint;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DesktopInstanceTest extends LocalProviderTestSupport {

    @Test
    void desktopServesVncThatOnlyTheSecretOpens() throws Exception {
        CloudProvider provider = provider();
        String secret = newSecret();
        CloudInstance created = provider.compute().create(request("desktop", "uid-desktop", secret));
        assertThat(created.state()).isIn(CloudState.BUILDING, CloudState.STARTING);
        assertThat(created.instanceUid()).contains("uid-desktop");

        CloudInstance running = awaitState(provider, created.computeId(), CloudState.RUNNING);
        Endpoint vnc = provider.network().endpoint(running, 5901).orElseThrow();
        assertThat(vnc.host()).isEqualTo("127.0.0.1");
        assertThat(vnc.port()).isNotEqualTo(5901);

        VncClient.Result good = VncClient.authenticate(vnc, secret);
        assertThat(good.banner()).matches("RFB 003\\.00\\d\n");
        assertThat(good.authenticated()).as(good.reason()).isTrue();
        assertThat(good.width()).isEqualTo(1024);
        assertThat(good.height()).isEqualTo(768);

        VncClient.Result bad = VncClient.authenticate(vnc, "wrong-password");
        assertThat(bad.authenticated()).isFalse();

        // the coloured xterm maps a moment after Xvnc serves: then the screen is more than one colour
        await().atMost(Duration.ofSeconds(10))
                .until(() -> VncClient.screen(vnc, secret).colours(), colours -> colours > 1);

        assertThat(provider.network().endpoint(running, 8888)).isEmpty();
        assertThat(provider.network().endpoint(running, 22)).isEmpty();
    }

    @Test
    void theScreenTakesTheSizeAViewerAsksFor() throws Exception {
        CloudProvider provider = provider();
        String secret = newSecret();
        CloudInstance running = awaitState(provider,
                provider.compute().create(request("desktop", "uid-resize", secret)).computeId(), CloudState.RUNNING);
        Endpoint vnc = provider.network().endpoint(running, 5901).orElseThrow();

        assertThat(VncClient.resize(vnc, secret, 1366, 690)).as("the server's answer to SetDesktopSize").isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            VncClient.Result next = VncClient.authenticate(vnc, secret);
            assertThat(next.width()).isEqualTo(1366);
            assertThat(next.height()).isEqualTo(690);
        });
    }

    @Test
    void theSecretIsNeitherOnACommandLineNorInAReadableFile() throws Exception {
        CloudProvider provider = provider();
        String secret = newSecret();
        String computeId = provider.compute().create(request("desktop", "uid-secret", secret)).computeId();
        awaitState(provider, computeId, CloudState.RUNNING);

        InstancePaths paths = new InstanceStore(workDir).paths(computeId);
        assertThat(Files.readString(paths.recordFile())).doesNotContain(secret).doesNotContain(secret.substring(0, 8));
        // with a user per instance (the portal is root) that user passes through the folder to its home and secrets
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(paths.root())))
                .isEqualTo(LocalPackages.runningAsRoot() ? "rwx--x--x" : "rwx------");
        for (var file : new java.nio.file.Path[] {paths.recordFile(), paths.vncPassword(), paths.xauthority()}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(processes(computeId)).extracting(ProcessRecord::role)
                .containsExactlyInAnyOrder("xvnc", "openbox", "xterm");
        for (ProcessRecord process : processes(computeId)) {
            String commandLine = Files.readString(
                    java.nio.file.Path.of("/proc", Long.toString(process.pid()), "cmdline"), StandardCharsets.UTF_8);
            assertThat(commandLine).doesNotContain(secret.substring(0, 8));
        }
    }
}
