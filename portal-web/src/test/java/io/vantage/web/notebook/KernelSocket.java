package io.vantage.web.notebook;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.microsoft.playwright.Page;

/**
 * A kernel websocket opened by a notebook page in Chromium (kernel-socket.js), driven from the test: cells sent,
 * replies and the close seen as the page sees them.
 */
public final class KernelSocket {

    private final Page page;

    private KernelSocket(Page page) {
        this.page = page;
    }

    /** Starts a kernel and opens its websocket from this notebook page (on the notebook's origin). */
    public static KernelSocket open(Page page, String jupyterBase) {
        page.evaluate(script(), jupyterBase);
        return new KernelSocket(page);
    }

    /** Sends a cell that writes {@code file} in the notebook's folder. */
    public void write(String id, String file) {
        page.evaluate("([id, code]) => window.kernelSocket.execute(id, code)",
                java.util.List.of(id, "open('" + file + "', 'w').write('" + id + "')"));
    }

    /** The kernel's answer to a cell ({@code ok}, {@code error}), or null while none came. */
    public String reply(String id) {
        return (String) page.evaluate("(id) => window.kernelSocket.replies[id] || null", id);
    }

    public String awaitReply(String id, Duration within) {
        await().atMost(within).pollInSameThread().pollInterval(Duration.ofMillis(50)).until(() -> reply(id) != null);
        return reply(id);
    }

    /** How the websocket closed ({@code code}, {@code reason}), or null while open. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> closed() {
        return (Map<String, Object>) page.evaluate("() => window.kernelSocket.closed");
    }

    private static String script() {
        try (InputStream in = KernelSocket.class.getClassLoader().getResourceAsStream("notebook/kernel-socket.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
