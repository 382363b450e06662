package io.vantage.api.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.cloud.api.Endpoint;
import io.vantage.cloud.api.InstanceFileException;
import io.vantage.cloud.api.InstanceFileException.Reason;
import io.vantage.cloud.api.InstanceFiles;

/**
 * A notebook's files through Jupyter's own API, on any cloud: the contents API lists folders and takes uploads in
 * chunks ({@code chunk} 1, 2, ... and -1 for the last), {@code /files/} streams downloads. Uploads go to a
 * temporary name in the same folder and are renamed when whole, so a cut upload never leaves a half file under the
 * real name. Jupyter runs as the instance's user and keeps requests inside its root folder itself.
 */
final class JupyterFileStore implements FileStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final InstanceHttp http;
    private final JsonMapper json;
    private final String base;
    private final String secret;
    private final int chunk;
    private final Duration timeout;

    JupyterFileStore(HttpClient http, JsonMapper json, Endpoint endpoint, String uid, String secret, int chunk,
                     Duration timeout) {
        this.timeout = timeout;
        this.http = new InstanceHttp(http, "The notebook server");
        this.json = json;
        this.base = "http://" + endpoint + "/instances/" + uid + "/jupyter/";
        this.secret = secret;
        this.chunk = chunk;
    }

    @Override
    public String via() {
        return "jupyter";
    }

    @Override
    public List<InstanceFiles.Entry> list(TransferPath folder) {
        JsonNode model = json.readTree(expect(http.send(request("api/contents/" + encode(folder) + "?content=1")
                .GET()), "Jupyter could not list " + folder));
        if (!"directory".equals(model.path("type").asText())) {
            throw new InstanceFileException(Reason.NOT_FOUND, folder + " is not a folder");
        }
        List<InstanceFiles.Entry> entries = new ArrayList<>();
        for (JsonNode item : model.path("content")) {
            boolean directory = "directory".equals(item.path("type").asText());
            entries.add(new InstanceFiles.Entry(item.path("name").asText(), directory,
                    directory ? 0 : item.path("size").asLong(0), modified(item), item.path("writable").asBoolean()));
        }
        entries.sort(FileStore.ORDER);
        return entries;
    }

    @Override
    public InstanceFiles.Download read(TransferPath file) {
        return http.download(request("files/" + encode(file)),
                answer -> refusal(answer.statusCode(), file + " cannot be downloaded"));
    }

    @Override
    public void write(TransferPath file, long length, InputStream content, boolean replace) throws IOException {
        boolean exists = http.send(request("api/contents/" + encode(file) + "?content=0").GET()).statusCode() == 200;
        if (exists && !replace) {
            throw new InstanceFileException(Reason.EXISTS, "a file named " + file.name() + " exists");
        }
        TransferPath folder = new TransferPath(file.names().subList(0, file.names().size() - 1));
        TransferPath temp = folder.child("vantage-upload-" + HexFormat.of().formatHex(randomBytes()) + ".part");
        boolean done = false;
        try {
            long sent = 0;
            int number = 1;
            while (true) {
                byte[] bytes = content.readNBytes((int) Math.min(chunk, length - sent));
                sent += bytes.length;
                boolean last = sent >= length || bytes.length == 0;
                if (last && sent < length) {
                    throw new IOException("the upload ended after " + sent + " of " + length + " bytes");
                }
                putChunk(temp, bytes, number == 1 ? 1 : last ? -1 : number);
                if (last) {
                    if (number == 1) {
                        putChunk(temp, new byte[0], -1);
                    }
                    break;
                }
                number++;
            }
            if (exists) {
                expect(http.send(request("api/contents/" + encode(file)).DELETE()), "Jupyter did not replace " + file);
            }
            String target = json.writeValueAsString(Map.of("path", file.toString()));
            expect(http.send(request("api/contents/" + encode(temp)).header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(target))), "Jupyter did not keep " + file);
            done = true;
        } finally {
            if (!done) {
                http.send(request("api/contents/" + encode(temp)).DELETE());
            }
        }
    }

    private void putChunk(TransferPath temp, byte[] bytes, int number) {
        String body = json.writeValueAsString(Map.of("type", "file", "format", "base64", "name", temp.name(),
                "path", temp.toString(), "chunk", number, "content", Base64.getEncoder().encodeToString(bytes)));
        expect(http.send(request("api/contents/" + encode(temp)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))), "Jupyter did not take the upload");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Authorization", "token " + secret);
    }

    private static String expect(InstanceHttp.Answer answer, String what) {
        if (answer.statusCode() / 100 != 2) {
            throw refusal(answer.statusCode(), what);
        }
        return answer.body();
    }

    private static InstanceFileException refusal(int status, String what) {
        return switch (status) {
            case 404 -> new InstanceFileException(Reason.NOT_FOUND, what + ": no such file or folder");
            case 403 -> new InstanceFileException(Reason.PERMISSION, what + ": the instance may not do this");
            case 409 -> new InstanceFileException(Reason.EXISTS, what + ": it exists");
            default -> new InstanceFileException(Reason.FAILED, what + " (Jupyter answered " + status + ")");
        };
    }

    private static String encode(TransferPath path) {
        return path.names().stream().map(name -> UriUtils.encodePathSegment(name, StandardCharsets.UTF_8))
                .collect(Collectors.joining("/"));
    }

    private static Instant modified(JsonNode item) {
        try {
            return Instant.parse(item.path("last_modified").asText());
        } catch (RuntimeException e) {
            return Instant.EPOCH;
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
