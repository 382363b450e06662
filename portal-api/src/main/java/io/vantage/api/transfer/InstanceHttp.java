package io.vantage.api.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import io.vantage.cloud.api.InstanceFileException;
import io.vantage.cloud.api.InstanceFileException.Reason;
import io.vantage.cloud.api.InstanceFiles;

/**
 * Requests to a server on the instance (its Jupyter, the image's file service). The server is the instance's and may
 * be hostile: answers are read up to {@link #MAX_ANSWER}, downloads are streamed as they come, and failures say which
 * server did not answer, never what the request carried (its token).
 */
final class InstanceHttp {

    static final int MAX_ANSWER = 32 << 20;

    /** A server's whole answer, read with the bound. */
    record Answer(int statusCode, String body) {
    }

    private final HttpClient http;
    private final String server;

    /** @param server how people are told which server failed ("The notebook server") */
    InstanceHttp(HttpClient http, String server) {
        this.http = http;
        this.server = server;
    }

    HttpClient client() {
        return http;
    }

    Answer send(HttpRequest.Builder request) {
        try {
            return read(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw unreachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable();
        }
    }

    Answer read(HttpResponse<InputStream> answer) throws IOException {
        try (InputStream in = answer.body()) {
            byte[] body = in.readNBytes(MAX_ANSWER + 1);
            if (body.length > MAX_ANSWER) {
                throw new InstanceFileException(Reason.FAILED, server + "'s answer is too large");
            }
            return new Answer(answer.statusCode(), new String(body, StandardCharsets.UTF_8));
        }
    }

    /** A file streamed from the server; any answer but 200 becomes the refusal {@code refusal} makes of it. */
    InstanceFiles.Download download(HttpRequest.Builder request, Function<Answer, InstanceFileException> refusal) {
        HttpResponse<InputStream> answer;
        try {
            answer = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (answer.statusCode() != 200) {
                throw refusal.apply(read(answer));
            }
        } catch (IOException e) {
            throw unreachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unreachable();
        }
        long size = answer.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new InstanceFiles.Download() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream stream() {
                return answer.body();
            }

            @Override
            public void close() {
                try {
                    answer.body().close();
                } catch (IOException e) {
                    // nothing more to read anyway
                }
            }
        };
    }

    InstanceFileException unreachable() {
        return new InstanceFileException(Reason.FAILED, server + " does not answer");
    }
}
