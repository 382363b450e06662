package io.vantage.api.transfer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.cloud.api.Endpoint;
import io.vantage.cloud.api.InstanceFileException;
import io.vantage.cloud.api.InstanceFileException.Reason;
import io.vantage.cloud.api.InstanceFiles;

/**
 * A desktop's files through the image's own file service ({@code vantage-files}, docs/image-contract.md "File
 * transfer"), authenticated with the instance's secret. Both directions are streamed: an upload is first checked
 * ({@code GET upload}: the file exists, the folder is read-only, ...) so that a refusal costs no bytes, then travels
 * as one request of its exact length, and fails when its bytes stop moving for the timeout. (Not
 * {@code Expect: 100-continue}: Java 17's client waits forever when the answer to it is a refusal.) The service runs
 * as the desktop user, keeps paths in the home and follows no link; its answers are the instance's and are checked
 * here (names, sizes, messages).
 */
final class ImageFileStore implements FileStore {

    private static final int MAX_MESSAGE = 200;

    private final InstanceHttp http;
    private final JsonMapper json;
    private final String base;
    private final String secret;
    private final Duration timeout;

    ImageFileStore(InstanceHttp http, JsonMapper json, Endpoint endpoint, String secret, Duration timeout) {
        this.http = http;
        this.json = json;
        this.base = "http://" + endpoint + "/vantage/files/";
        this.secret = secret;
        this.timeout = timeout;
    }

    @Override
    public String via() {
        return "image";
    }

    @Override
    public List<InstanceFiles.Entry> list(TransferPath folder) {
        InstanceHttp.Answer answer = http.send(request("list", folder).timeout(timeout).GET());
        if (answer.statusCode() != 200) {
            throw refusal(answer, folder);
        }
        List<InstanceFiles.Entry> entries = new ArrayList<>();
        for (JsonNode item : json.readTree(answer.body()).path("entries")) {
            String name = item.path("name").asText("");
            if (!plainName(name)) {
                continue; // not a name the portal would accept back
            }
            boolean directory = item.path("directory").asBoolean();
            entries.add(new InstanceFiles.Entry(name, directory, directory ? 0 : Math.max(0, item.path("size")
                    .asLong(0)), Instant.ofEpochSecond(item.path("modified").asLong(0)),
                    item.path("writable").asBoolean()));
        }
        entries.sort(FileStore.ORDER);
        return entries;
    }

    @Override
    public InstanceFiles.Download read(TransferPath file) {
        return http.download(request("content", file).timeout(timeout), answer -> refusal(answer, file));
    }

    @Override
    public void write(TransferPath file, long length, InputStream content, boolean replace) throws IOException {
        InstanceHttp.Answer check = http.send(request("upload", file, "&replace=" + replace).timeout(timeout).GET());
        if (check.statusCode() != 204) {
            throw refusal(check, file);
        }
        AtomicLong moved = new AtomicLong();
        InputStream counted = new FilterInputStream(content) {
            @Override
            public int read(byte[] buffer, int offset, int count) throws IOException {
                int read = super.read(buffer, offset, count);
                moved.addAndGet(Math.max(read, 0));
                return read;
            }
        };
        HttpRequest.BodyPublisher body = length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> counted),
                length);
        HttpRequest.Builder request = request("content", file, "&replace=" + replace)
                .header("Content-Type", "application/octet-stream").PUT(body);
        InstanceHttp.Answer answer = http.read(whileMoving(http.client().sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofInputStream()), moved, length));
        if (answer.statusCode() != 201) {
            throw refusal(answer, file);
        }
    }

    /** The service's answer, given up on when neither it nor the upload's bytes moved for the timeout. */
    private HttpResponse<InputStream> whileMoving(CompletableFuture<HttpResponse<InputStream>> sending,
                                                  AtomicLong moved, long length) {
        long seen = -1;
        try {
            while (true) {
                try {
                    return sending.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (moved.get() == seen) {
                        sending.cancel(true);
                        throw new InstanceFileException(Reason.FAILED, "The file service stopped taking the upload");
                    }
                    seen = moved.get();
                }
            }
        } catch (ExecutionException e) {
            if (moved.get() < length) { // the person's side ended first (the service then drops the part it got)
                throw new InstanceFileException(Reason.FAILED, "The upload was cut short after " + moved.get()
                        + " of " + length + " bytes");
            }
            throw http.unreachable();
        } catch (InterruptedException e) {
            sending.cancel(true);
            Thread.currentThread().interrupt();
            throw http.unreachable();
        }
    }

    private HttpRequest.Builder request(String operation, TransferPath path) {
        return request(operation, path, "");
    }

    private HttpRequest.Builder request(String operation, TransferPath path, String more) {
        return HttpRequest.newBuilder(URI.create(base + operation + "?path="
                        + URLEncoder.encode(path.toString(), StandardCharsets.UTF_8) + more))
                .header("Authorization", "token " + secret);
    }

    /** The service's refusal by its reason; its message is the instance's, so it is shortened and kept printable. */
    private InstanceFileException refusal(InstanceHttp.Answer answer, TransferPath path) {
        JsonNode error;
        try {
            error = json.readTree(answer.body());
        } catch (RuntimeException e) {
            error = json.createObjectNode();
        }
        String message = error.path("message").asText("").replaceAll("[\\p{Cntrl}]", " ").strip();
        if (message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        String said = path + (message.isEmpty() ? "" : ": " + message);
        return switch (error.path("reason").asText("")) {
            case "NOT_FOUND" -> new InstanceFileException(Reason.NOT_FOUND, said);
            case "REFUSED", "BAD_PATH" -> new InstanceFileException(Reason.REFUSED, said);
            case "PERMISSION" -> new InstanceFileException(Reason.PERMISSION, said);
            case "EXISTS" -> new InstanceFileException(Reason.EXISTS, said);
            case "SECRET" -> new InstanceFileException(Reason.FAILED,
                    "The file service did not accept the instance's secret");
            default -> new InstanceFileException(Reason.FAILED, "The file service could not do it (it answered "
                    + answer.statusCode() + (message.isEmpty() ? "" : ": " + message) + ")");
        };
    }

    private static boolean plainName(String name) {
        try {
            return TransferPath.parse(name).names().size() == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
