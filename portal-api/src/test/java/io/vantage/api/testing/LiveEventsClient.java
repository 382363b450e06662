package io.vantage.api.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** Listens to the portal's Server-Sent Events as one person, as their browser would, on a thread of its own. */
public final class LiveEventsClient implements AutoCloseable {

    public record Event(String type, String data) {
    }

    private interface Opener {
        HttpResponse<InputStream> open() throws IOException, InterruptedException;
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final AtomicBoolean connected = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicReference<InputStream> body = new AtomicReference<>();

    /** Returns once the portal has registered the subscription, so no later event is missed. */
    public LiveEventsClient(String base, ApiClient as) {
        this(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/events"))
                        .header("Authorization", "Bearer " + as.token()).header("Accept", "text/event-stream").GET()
                        .build(), HttpResponse.BodyHandlers.ofInputStream()));
    }

    /** The stream a signed-in browser opens, with its session cookie. */
    public LiveEventsClient(HttpSession browser) {
        this(() -> browser.stream("/api/events"));
    }

    private LiveEventsClient(Opener opener) {
        Thread reader = new Thread(() -> read(opener), "sse-test-client");
        reader.setDaemon(true);
        reader.start();
        await().atMost(Duration.ofSeconds(10)).untilTrue(connected);
    }

    private void read(Opener opener) {
        try {
            HttpResponse<InputStream> response = opener.open();
            body.set(response.body());
            var lines = new java.io.BufferedReader(new java.io.InputStreamReader(response.body(), StandardCharsets.UTF_8));
            String type = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(":")) {
                    connected.set(true);
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    events.add(new Event(type, line.substring(5).strip()));
                } else if (line.isEmpty()) {
                    type = null;
                }
            }
        } catch (IOException e) {
            // closed by the test, or the portal went away: either way this listener is done
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ended.set(true);
        }
    }

    /** Events of this type whose data mentions {@code text}. */
    public List<Event> of(String type, String text) {
        return events.stream().filter(e -> type.equals(e.type()) && e.data().contains(text)).toList();
    }

    /** Whether the portal ended the stream (or it broke). */
    public boolean ended() {
        return ended.get();
    }

    @Override
    public void close() throws IOException {
        InputStream stream = body.get();
        if (stream != null) {
            stream.close();
        }
    }
}
