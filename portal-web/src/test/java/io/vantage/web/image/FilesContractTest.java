package io.vantage.web.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vantage.api.transfer.TransferFiles;

/**
 * The image's file service ({@code vantage-files}) as the image runs it: the secret written by the image's own
 * {@code vantage-configure} from the portal's metadata, the service started as an unprivileged user with that
 * environment file, serving a temporary home. Files go in and out whole (SHA-256), nothing is replaced unasked, path
 * tricks and planted links are refused, a read-only mount (root: a real read-only bind mount; otherwise a folder
 * without write permission) refuses writes with PERMISSION, and nothing is served without the secret.
 */
class FilesContractTest {

    private static final String SECRET = "files-contract-secret-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path root;

    @Test
    void theFileServiceServesTheHomeOnlyAndOnlyWithTheSecret() throws Exception {
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        try (ImageScripts image = new ImageScripts(root)) {
            Path metadata = Files.writeString(root.resolve("meta_data.json"), "{\"vantage-secret\":\"" + SECRET
                    + "\",\"vantage-instance\":\"filescontract\"}");
            image.configure(metadata);
            Path raw = Files.createDirectories(root.resolve("raw/EXP-1"));
            Files.writeString(raw.resolve("frames.csv"), "1,2,3\n");
            Path data = Files.createDirectories(image.home.resolve("data/EXP-1"));
            String user = image.asUnprivileged();
            // planted after the home changed hands, so that nothing ever touches what they point to
            Files.createSymbolicLink(image.home.resolve("escape"), Path.of("/etc"));
            Files.createSymbolicLink(image.home.resolve("passwd"), Path.of("/etc/passwd"));
            boolean mounted = false;
            try {
                if (asRoot) {
                    // the desktop user's own folder, mounted read-only: only the kernel's EROFS refuses writes
                    ImageScripts.run(List.of("chown", "-R", "65534:65534", raw.toString()), Map.of());
                    ImageScripts.run(List.of("mount", "--bind", raw.toString(), data.toString()), Map.of());
                    mounted = true;
                    ImageScripts.run(List.of("mount", "-o", "remount,bind,ro,nosuid,nodev", data.toString()),
                            Map.of());
                } else {
                    Files.copy(raw.resolve("frames.csv"), data.resolve("frames.csv"));
                    data.toFile().setWritable(false, false);
                }
                int port = ImageScripts.freePort();
                Path log = root.resolve("files.log");
                image.start("vantage-files", "jupyter.env", Map.of("VANTAGE_FILES_PORT", String.valueOf(port),
                        "VANTAGE_FILES_ADDRESS", "127.0.0.1"), user, log);
                await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(log).contains("serving"));
                String base = "http://127.0.0.1:" + port + "/vantage/files/";
                transfers(base, image.home, user != null, asRoot);
                confines(base);
                refusesWithoutTheSecret(base);
                assertThat(Files.readString(log)).doesNotContain(SECRET);
                if (asRoot) {
                    assertThat(refusedAsRoot()).contains("refuses to run as root");
                }
            } finally {
                if (mounted) {
                    ImageScripts.run(List.of("umount", data.toString()), Map.of());
                }
            }
        }
    }

    private void transfers(String base, Path home, boolean unprivileged, boolean readOnlyMount) throws Exception {
        Path file = TransferFiles.random(root, "frames.bin", 5L << 20, 16);
        HttpResponse<String> up = put(base, "frames.bin", file, false);
        assertThat(up.statusCode()).as(up.body()).isEqualTo(201);
        assertThat(up.body()).contains("\"size\": " + (5L << 20));
        assertThat(TransferFiles.sha256(home.resolve("frames.bin"))).isEqualTo(TransferFiles.sha256(file));
        if (unprivileged) {
            assertThat(Files.getAttribute(home.resolve("frames.bin"), "unix:uid", LinkOption.NOFOLLOW_LINKS))
                    .as("written by the desktop user").isEqualTo(65534);
        }
        HttpResponse<InputStream> down = get(base + "content?path=frames.bin", SECRET);
        assertThat(down.statusCode()).isEqualTo(200);
        assertThat(down.headers().firstValueAsLong("Content-Length")).hasValue(5L << 20);
        assertThat(TransferFiles.sha256(down.body())).isEqualTo(TransferFiles.sha256(file));

        Path other = TransferFiles.random(root, "other.bin", 3000, 17);
        HttpResponse<String> again = put(base, "frames.bin", other, false);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("\"reason\": \"EXISTS\"");
        assertThat(TransferFiles.sha256(home.resolve("frames.bin"))).isEqualTo(TransferFiles.sha256(file));
        assertThat(check(base, "frames.bin", false)).contains("EXISTS");
        assertThat(check(base, "frames.bin", true)).isEmpty();
        assertThat(expectContinue(base, "frames.bin")).as("refused before the body travels")
                .startsWith("HTTP/1.1 409");
        assertThat(put(base, "frames.bin", other, true).statusCode()).as("replaced when asked").isEqualTo(201);
        assertThat(TransferFiles.sha256(home.resolve("frames.bin"))).isEqualTo(TransferFiles.sha256(other));

        String listing = body(get(base + "list?path=", SECRET));
        assertThat(listing).contains("\"name\": \"frames.bin\", \"directory\": false, \"size\": 3000")
                .contains("\"name\": \"data\", \"directory\": true").doesNotContain("escape")
                .doesNotContain("passwd");
        assertThat(body(get(base + "list?path=data", SECRET))).as("the read-only mount")
                .contains("\"name\": \"EXP-1\", \"directory\": true, \"size\": 0").contains("\"writable\": false");
        assertThat(body(get(base + "content?path=data/EXP-1/frames.csv", SECRET))).isEqualTo("1,2,3\n");
        assertThat(check(base, "data/EXP-1/mine.bin", false)).contains("PERMISSION");
        HttpResponse<String> readOnly = put(base, "data/EXP-1/mine.bin", other, false);
        assertThat(readOnly.statusCode()).as(readOnly.body()).isEqualTo(403);
        assertThat(readOnly.body()).contains("\"reason\": \"PERMISSION\"")
                .contains(readOnlyMount ? "is read-only" : "may not write in data/EXP-1");
        assertThat(home.resolve("data/EXP-1/mine.bin")).doesNotExist();

        try (Socket cut = new Socket("127.0.0.1", URI.create(base).getPort())) {
            OutputStream out = cut.getOutputStream();
            out.write(("PUT /vantage/files/content?path=cut.bin HTTP/1.1\r\nHost: x\r\nAuthorization: token " + SECRET
                    + "\r\nContent-Length: 4000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[100_000]);
            out.flush();
            await().atMost(Duration.ofSeconds(30)).until(() -> !partials(home).isEmpty());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> partials(home).isEmpty());
        assertThat(home.resolve("cut.bin")).as("a cut upload leaves nothing").doesNotExist();
    }

    private void confines(String base) throws Exception {
        for (String trick : List.of("../etc/passwd", "/etc/passwd", "data//EXP-1", "data/./EXP-1", "a\nb", "a\\b")) {
            HttpResponse<InputStream> refused = get(base + "content?path=" + TransferFiles.encode(trick), SECRET);
            assertThat(refused.statusCode()).as(trick).isEqualTo(400);
            assertThat(body(refused)).contains("BAD_PATH");
        }
        for (String planted : List.of("escape/passwd", "passwd", "escape")) {
            HttpResponse<InputStream> refused = get(base + "content?path=" + planted, SECRET);
            assertThat(refused.statusCode()).as(planted).isEqualTo(403);
            assertThat(body(refused)).contains("REFUSED").contains("is a link");
        }
        assertThat(get(base + "list?path=escape", SECRET).statusCode()).isEqualTo(403);
        Path small = TransferFiles.random(root, "small.bin", 100, 18);
        assertThat(put(base, "escape/owned.txt", small, false).statusCode()).isEqualTo(403);
        assertThat(Path.of("/etc/owned.txt")).doesNotExist();
        assertThat(get(base + "content?path=nothing-here", SECRET).statusCode()).isEqualTo(404);
        assertThat(get(base + "content?path=data", SECRET).statusCode()).as("a folder is no file").isEqualTo(403);
    }

    private void refusesWithoutTheSecret(String base) throws Exception {
        assertThat(get(base + "list?path=", null).statusCode()).isEqualTo(401);
        assertThat(get(base + "list?path=", "token not-the-secret-at-all").statusCode()).isEqualTo(401);
        assertThat(get(base + "list?path=", "token " + SECRET.substring(0, 8)).statusCode()).isEqualTo(401);
        HttpResponse<InputStream> download = get(base + "content?path=frames.bin", "Basic " + SECRET);
        assertThat(download.statusCode()).isEqualTo(401);
        assertThat(body(download)).doesNotContain("1,2,3").contains("SECRET");
    }

    /** What the service says when started as root (it must not start). */
    private static String refusedAsRoot() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ImageScripts.FILES.resolve("vantage-files").toString())
                .redirectErrorStream(true);
        builder.environment().remove("JUPYTER_TOKEN"); // were it to start anyway, it stops for want of a secret
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isEqualTo(1);
        return output;
    }

    private static HttpResponse<InputStream> get(String url, String secret) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.replace("\n", "%0A")))
                .timeout(Duration.ofSeconds(30));
        if (secret != null) {
            request.header("Authorization", secret.contains(" ") ? secret : "token " + secret);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private static HttpResponse<String> put(String base, String path, Path file, boolean replace) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "content?path=" + TransferFiles.encode(path)
                        + "&replace=" + replace)).header("Authorization", "token " + SECRET)
                .timeout(Duration.ofSeconds(60)).PUT(HttpRequest.BodyPublishers.ofFile(file)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The service's answer to "may this upload go ahead": empty for yes (204), else the refusal. */
    private static String check(String base, String path, boolean replace) throws Exception {
        HttpResponse<InputStream> answer = get(base + "upload?path=" + TransferFiles.encode(path) + "&replace="
                + replace, SECRET);
        String body = body(answer);
        assertThat(answer.statusCode() == 204).as(answer.statusCode() + " " + body).isEqualTo(body.isEmpty());
        return body;
    }

    /** The first line of the answer to a PUT that waits for "100 Continue" before sending its body. */
    private static String expectContinue(String base, String path) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", URI.create(base).getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("PUT /vantage/files/content?path=" + path + " HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: token " + SECRET + "\r\nExpect: 100-continue\r\nContent-Length: 1000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            StringBuilder line = new StringBuilder();
            for (int c; (c = socket.getInputStream().read()) >= 0 && c != '\r'; ) {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    private static String body(HttpResponse<InputStream> response) throws Exception {
        try (InputStream in = response.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<Path> partials(Path home) throws Exception {
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".part")).toList();
        }
    }

}
