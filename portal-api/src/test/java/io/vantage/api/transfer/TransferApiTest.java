package io.vantage.api.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import io.vantage.api.security.EmbeddedOidcServer;
import io.vantage.api.testing.ApiClient;
import io.vantage.api.testing.Desktops;
import io.vantage.api.testing.PortalTest;

/**
 * File transfer with a local desktop through the API: files go in and out as the instance's user, whole or not at
 * all; who may do what is decided per request (a GUEST downloads only after the owner's switch and never uploads, a
 * stranger learns nothing); paths cannot leave the home or data folders, whether by {@code ..}, an absolute path or a
 * link the instance's user planted; raw data stays read-only; an upload over the limit (60 MB in tests) is refused
 * from its headers with 413 naming the limit.
 */
@PortalTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferApiTest {

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedOidcServer oidc;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path temp;

    String uid;
    Path home;

    @BeforeAll
    void desktopWithData() throws Exception {
        Desktops.scientist(jdbc, "xfer-owner", "EXP-1");
        Desktops.scientist(jdbc, "xfer-guest", "EXP-2");
        Desktops.scientist(jdbc, "xfer-stranger", "EXP-2");
        uid = Desktops.launchActive(api("xfer-owner"), jdbc, "desktop", List.of("EXP-1"));
        home = Desktops.home(jdbc, uid).orElseThrow();
        assertThat(api("xfer-owner").post("/api/instances/" + uid + "/members",
                Map.of("userId", "xfer-guest", "role", "GUEST")).status()).isEqualTo(201);
    }

    @Test
    void fiftyMegabytesUpAndDownAsTheInstanceUser() throws Exception {
        Path file = TransferFiles.random(temp, "frames.bin", 50L << 20, 50);
        HttpResponse<String> up = TransferFiles.upload(base(), token("xfer-owner"), uid, "frames.bin", file);
        assertThat(up.statusCode()).as(up.body()).isEqualTo(201);

        Path stored = home.resolve("frames.bin");
        assertThat(Files.getAttribute(stored, "unix:uid", LinkOption.NOFOLLOW_LINKS))
                .as("written by the instance's user, not the portal's").isEqualTo(homeOwner());
        ApiClient.Response listing = api("xfer-owner").get("/api/instances/" + uid + "/files");
        assertThat(listing.raw()).contains("\"name\":\"frames.bin\"").contains("\"size\":" + (50L << 20))
                .contains("\"name\":\"data\"");

        HttpResponse<InputStream> down = TransferFiles.download(base(), token("xfer-owner"), uid, "frames.bin");
        assertThat(down.statusCode()).isEqualTo(200);
        assertThat(down.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment")
                .contains("frames.bin");
        assertThat(down.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/octet-stream");
        assertThat(TransferFiles.sha256(down.body())).isEqualTo(TransferFiles.sha256(file));

        // (a small body: a refusal answered before a large body is read reaches few clients whole)
        Path small = TransferFiles.random(temp, "small.bin", 1000, 3);
        HttpResponse<String> again = TransferFiles.upload(base(), token("xfer-owner"), uid, "frames.bin", small);
        assertThat(again.statusCode()).as("an existing file is replaced only when asked").isEqualTo(409);
        assertThat(Files.size(stored)).isEqualTo(50L << 20);
    }

    @Test
    void aGuestDownloadsOnlyOnceTheOwnerAllowsItAndNeverUploads() throws Exception {
        Path note = TransferFiles.random(temp, "note.txt", 1000, 1);
        HttpResponse<String> up = TransferFiles.upload(base(), token("xfer-owner"), uid, "guest-note.txt", note);
        assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
        String settings = "/api/instances/" + uid + "/files/settings";

        assertThat(api("xfer-owner").put(settings, Map.of("guestsMayDownload", false)).status()).isEqualTo(200);
        HttpResponse<InputStream> refused = TransferFiles.download(base(), token("xfer-guest"), uid, "guest-note.txt");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(new String(refused.body().readAllBytes())).contains("has not let guests download");
        assertThat(api("xfer-guest").put(settings, Map.of("guestsMayDownload", true)).status())
                .as("only the owner switches it").isEqualTo(403);

        assertThat(api("xfer-owner").put(settings, Map.of("guestsMayDownload", true)).status()).isEqualTo(200);
        HttpResponse<InputStream> allowed = TransferFiles.download(base(), token("xfer-guest"), uid, "guest-note.txt");
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(TransferFiles.sha256(allowed.body())).isEqualTo(TransferFiles.sha256(note));
        HttpResponse<String> upload = TransferFiles.upload(base(), token("xfer-guest"), uid, "from-guest.txt", note);
        assertThat(upload.statusCode()).isEqualTo(403);
        assertThat(upload.body()).contains("Guests may not upload");
        assertThat(home.resolve("from-guest.txt")).doesNotExist();

        assertThat(api("xfer-owner").put(settings, Map.of("guestsMayDownload", false)).status()).isEqualTo(200);
        assertThat(TransferFiles.download(base(), token("xfer-guest"), uid, "guest-note.txt").statusCode())
                .as("switched off again: refused at once").isEqualTo(403);
        assertThat(api("xfer-stranger").get("/api/instances/" + uid + "/files").status()).isEqualTo(404);
        assertThat(TransferFiles.download(base(), token("xfer-stranger"), uid, "guest-note.txt").statusCode())
                .isEqualTo(404);
    }

    @Test
    void pathsCannotLeaveTheHomeOrDataFolders() throws Exception {
        Path link = home.resolve("escape");
        Files.createSymbolicLink(link, Path.of("/etc"));
        Files.setAttribute(link, "unix:uid", homeOwner(), LinkOption.NOFOLLOW_LINKS);
        Path fileLink = home.resolve("passwd");
        Files.createSymbolicLink(fileLink, Path.of("/etc/passwd"));
        Files.setAttribute(fileLink, "unix:uid", homeOwner(), LinkOption.NOFOLLOW_LINKS);
        String owner = token("xfer-owner");

        for (String trick : List.of("../instance.properties", "data/EXP-1/../../secrets/vnc-passwd", "/etc/passwd",
                "~/x")) {
            HttpResponse<InputStream> refused = TransferFiles.download(base(), owner, uid, trick);
            assertThat(refused.statusCode()).as(trick).isEqualTo(400);
        }
        for (String planted : List.of("escape/passwd", "passwd")) {
            HttpResponse<InputStream> refused = TransferFiles.download(base(), owner, uid, planted);
            String body = new String(refused.body().readAllBytes());
            assertThat(refused.statusCode()).as(planted + " " + body).isEqualTo(403);
            assertThat(body).contains("is a link");
        }
        Path small = TransferFiles.random(temp, "small.bin", 100, 2);
        assertThat(TransferFiles.upload(base(), owner, uid, "escape/owned.txt", small).statusCode()).isEqualTo(403);
        assertThat(TransferFiles.upload(base(), owner, uid, "passwd", small).statusCode()).isEqualTo(409);
        assertThat(api("xfer-owner").get("/api/instances/" + uid + "/files").raw()).doesNotContain("escape");
        assertThat(api("xfer-owner").get("/api/instances/" + uid + "/files?path=escape").status()).isEqualTo(403);

        // the data folders: raw data read-only, the proposal's area writable, as the instance's groups say
        assertThat(TransferFiles.download(base(), owner, uid, "data/EXP-1/EXP-1_reduced.csv").statusCode())
                .isEqualTo(200);
        HttpResponse<String> raw = TransferFiles.upload(base(), owner, uid, "data/EXP-1/mine.bin", small);
        assertThat(raw.statusCode()).as(raw.body()).isEqualTo(403);
        HttpResponse<String> area = TransferFiles.upload(base(), owner, uid, "data/20250117-processed/mine.bin", small);
        assertThat(area.statusCode()).as(area.body()).isEqualTo(201);
    }

    @Test
    void anUploadOverTheLimitIsRefusedFromItsHeadersAndACutUploadLeavesNothing() throws Exception {
        String answer = TransferFiles.refusedPut(port, token("xfer-owner"), uid, "huge.bin", 61L << 20);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("more than the limit of 60 MiB");
        assertThat(home.resolve("huge.bin")).doesNotExist();

        try (Socket cut = TransferFiles.startPut(port, token("xfer-owner"), uid, "cut.bin", 4L << 20, 1 << 20)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !partials().isEmpty());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> partials().isEmpty());
        assertThat(home.resolve("cut.bin")).doesNotExist();
    }

    private List<Path> partials() throws Exception {
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(file -> file.getFileName().toString().startsWith(".vantage-upload-")).toList();
        }
    }

    private int homeOwner() throws Exception {
        return (Integer) Files.getAttribute(home, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    private String token(String user) {
        return api(user).token();
    }

    private ApiClient api(String user) {
        return new ApiClient(base(), oidc, user);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
