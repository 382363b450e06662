package io.vantage.web.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.PortalTest;
import io.vantage.api.transfer.TransferFiles;
import io.vantage.web.cloud.OpenStackFixture;

/**
 * File transfer with a desktop on another cloud, through the image's own file service: a desktop on an OpenStack (a
 * stateful WireMock whose servers are all 127.0.0.1) gets no file transfer while its image offers none; once the
 * image offers {@code FILES}, the reference image's {@code vantage-files} (configured by the image's own scripts from
 * the metadata the portal sent, run here as an unprivileged user) carries uploads and downloads through
 * {@code /api/instances/{uid}/files} whole, with the same rules as everywhere: a GUEST downloads only after the
 * owner's switch and never uploads, a stranger gets 404, a planted link is refused, a cut upload leaves nothing.
 */
@PortalTest
class ImageFilesTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path root;

    @Test
    void aDesktopsFilesTravelThroughTheImagesFileService() throws Exception {
        ApiClient admin = new ApiClient(base(), oidc, "admin");
        try (OpenStackFixture openstack = new OpenStackFixture(admin, jdbc);
             ImageScripts image = new ImageScripts(root)) {
            ApiClient owner = api(Desktops.scientist(jdbc, "files-owner", "EXP-1"));
            Desktops.scientist(jdbc, "files-guest", "EXP-2");
            Desktops.scientist(jdbc, "files-stranger", "EXP-2");
            ApiClient.Response launched = owner.post("/api/instances", Map.of("planId", openstack.planId(),
                    "experimentIds", List.of("EXP-1"), "name", "Desktop with files"));
            assertThat(launched.status()).as(launched.raw()).isEqualTo(202);
            String uid = launched.get("uid").asString();
            Desktops.awaitState(owner, uid, "ACTIVE");
            String files = "/api/instances/" + uid + "/files";

            ApiClient.Response none = owner.get(files);
            assertThat(none.status()).as(none.raw()).isEqualTo(409);
            assertThat(none.raw()).contains("runs no file service");

            int filesPort = ImageScripts.freePort();
            openstack.offer("FILES", filesPort);
            ApiClient.Response notYet = owner.get(files);
            assertThat(notYet.status()).as("the service does not run yet: " + notYet.raw()).isEqualTo(502);
            assertThat(notYet.raw()).contains("The file service does not answer");

            Map<String, String> metadata = openstack.metadataOf(uid);
            Path metadataFile = root.resolve("meta_data.json");
            Files.writeString(metadataFile, JsonMapper.builder().build().writeValueAsString(metadata));
            image.configure(metadataFile);
            String user = image.asUnprivileged();
            Files.createSymbolicLink(image.home.resolve("passwd"), Path.of("/etc/passwd"));
            Path log = root.resolve("files.log");
            image.start("vantage-files", "jupyter.env", Map.of("VANTAGE_FILES_PORT", String.valueOf(filesPort),
                    "VANTAGE_FILES_ADDRESS", "127.0.0.1"), user, log);
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(log).contains("serving"));

            Path file = TransferFiles.random(root, "frames.bin", 8L << 20, 21);
            HttpResponse<String> up = TransferFiles.upload(base(), owner.token(), uid, "frames.bin", file);
            assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
            assertThat(TransferFiles.sha256(image.home.resolve("frames.bin"))).isEqualTo(TransferFiles.sha256(file));
            ApiClient.Response listing = owner.get(files);
            assertThat(listing.status()).as(listing.raw()).isEqualTo(200);
            assertThat(listing.get("via").asString()).isEqualTo("image");
            assertThat(listing.raw()).contains("\"name\":\"frames.bin\"").contains("\"size\":" + (8L << 20))
                    .doesNotContain("passwd");
            HttpResponse<InputStream> down = TransferFiles.download(base(), owner.token(), uid, "frames.bin");
            assertThat(down.statusCode()).isEqualTo(200);
            assertThat(down.headers().firstValueAsLong("Content-Length")).hasValue(8L << 20);
            assertThat(TransferFiles.sha256(down.body())).isEqualTo(TransferFiles.sha256(file));

            Path small = TransferFiles.random(root, "small.bin", 1000, 22);
            HttpResponse<String> again = TransferFiles.upload(base(), owner.token(), uid, "frames.bin", small);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
            assertThat(again.body()).contains("\"reason\":\"EXISTS\"");
            HttpResponse<InputStream> link = TransferFiles.download(base(), owner.token(), uid, "passwd");
            assertThat(link.statusCode()).isEqualTo(403);
            assertThat(new String(link.body().readAllBytes())).contains("is a link");

            try (Socket cut = TransferFiles.startPut(port, owner.token(), uid, "cut.bin", 4L << 20, 1 << 20)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> !partials(image.home).isEmpty());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> partials(image.home).isEmpty());
            assertThat(image.home.resolve("cut.bin")).as("a cut upload leaves nothing").doesNotExist();

            ApiClient.Response ticket = owner.post("/api/instances/" + uid + "/tickets", Map.of("protocol", "FILES"));
            assertThat(ticket.status()).as("the file service is the portal's, nobody opens it: " + ticket.raw())
                    .isEqualTo(400);

            guestsAndStrangers(owner, uid, small);
            assertThat(Files.readString(log)).doesNotContain(metadata.get("vantage-secret"));

            assertThat(owner.delete("/api/instances/" + uid).status()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> openstack.cloud().servers().stream()
                    .noneMatch(s -> uid.equals(s.metadata().get("vantage-instance"))));
        }
    }

    private void guestsAndStrangers(ApiClient owner, String uid, Path small) throws Exception {
        assertThat(owner.post("/api/instances/" + uid + "/members", Map.of("userId", "files-guest", "role", "GUEST"))
                .status()).isEqualTo(201);
        String guest = api("files-guest").token();
        assertThat(TransferFiles.download(base(), guest, uid, "frames.bin").statusCode())
                .as("not before the owner's switch").isEqualTo(403);
        assertThat(owner.put("/api/instances/" + uid + "/files/settings", Map.of("guestsMayDownload", true))
                .status()).isEqualTo(200);
        HttpResponse<InputStream> allowed = TransferFiles.download(base(), guest, uid, "frames.bin");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValueAsLong("Content-Length")).hasValue(8L << 20);
        allowed.body().close();
        HttpResponse<String> upload = TransferFiles.upload(base(), guest, uid, "from-guest.bin", small);
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(403);

        String stranger = api("files-stranger").token();
        assertThat(api("files-stranger").get("/api/instances/" + uid + "/files").status()).isEqualTo(404);
        assertThat(TransferFiles.download(base(), stranger, uid, "frames.bin").statusCode()).isEqualTo(404);
        assertThat(TransferFiles.upload(base(), stranger, uid, "from-stranger.bin", small).statusCode())
                .isEqualTo(404);
    }

    private static List<Path> partials(Path home) throws Exception {
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".part")).toList();
        }
    }

    private ApiClient api(String user) {
        return new ApiClient(base(), oidc, user);
    }


    private String base() {
        return "http://localhost:" + port;
    }
}
