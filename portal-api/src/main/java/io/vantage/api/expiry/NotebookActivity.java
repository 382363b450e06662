package io.vantage.api.expiry;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.modulith.NamedInterface;

/**
 * Which notebook traffic is a person using their notebook, so it keeps the instance from being deleted as unused.
 * Jupyter talks on its own while a page is merely open: it saves the notebook on a timer (a PUT to the contents
 * API, which looks exactly like a save), polls sessions, kernels and files (GETs), and asks kernels for their info.
 * None of that counts. What counts: opening a page, anything a person does that changes something (new
 * notebook, rename, delete, starting, restarting or interrupting a kernel, an explicit "Save and Checkpoint"), code
 * sent to a kernel to run (and completion, inspection, answers to {@code input()}), and keys typed into a terminal.
 *
 * <p>Paths are the portal's ({@code /instances/<uid>/jupyter/...}, or the same below a notebook origin's root).
 */
@NamedInterface("lifetimes")
public final class NotebookActivity {

    /** A kernel message's header: a flat object (no nested braces), first in what Jupyter's pages send. */
    private static final Pattern HEADER = Pattern.compile("\"header\"\\s*:\\s*\\{([^{}]*)\\}");
    private static final Pattern MSG_TYPE = Pattern.compile("\"msg_type\"\\s*:\\s*\"([a-z_]+)\"");
    private static final String BASE = "/jupyter/";
    /** Pages a person opens; everything else read (the APIs, static files) is the page working by itself. */
    private static final Set<String> PAGES = Set.of("tree", "notebooks", "edit", "terminals", "view", "lab", "nbconvert");
    /** Kernel messages a person causes; others (kernel_info, comm_info, history) a page sends by itself. */
    private static final Set<String> KERNEL_REQUESTS = Set.of("execute_request", "complete_request",
            "inspect_request", "input_reply");

    private NotebookActivity() {
    }

    /** An HTTP request through the notebook proxy. */
    public static boolean countsRequest(String method, String path) {
        String relative = relative(path);
        String first = relative.split("/", 2)[0];
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD" -> PAGES.contains(first);
            case "OPTIONS" -> false;
            // the autosave timer and a person's own save send the same PUT; the person's is followed by a
            // checkpoint (POST), which counts
            case "PUT" -> !relative.startsWith("api/contents") && !relative.startsWith("lab/api/workspaces");
            default -> true;
        };
    }

    /**
     * A websocket message (or the first fragment of one) from the browser to the notebook: kernel channels,
     * terminals, server events. Only the kernel message's header is read, which Jupyter's pages send first: a long
     * cell arriving in fragments counts once, and code that merely mentions a message type counts for nothing.
     */
    public static boolean countsMessage(String path, String text) {
        String relative = relative(path);
        if (relative.startsWith("terminals/websocket/")) {
            return text.startsWith("[\"stdin\"");
        }
        if (!relative.startsWith("api/kernels/")) {
            return false;
        }
        Matcher header = HEADER.matcher(text);
        if (!header.find()) {
            return false;
        }
        Matcher type = MSG_TYPE.matcher(header.group(1));
        return type.find() && KERNEL_REQUESTS.contains(type.group(1));
    }

    /**
     * Binary kernel frames carry buffers (widgets): a count of parts, their offsets, then the message as JSON
     * first. Terminals never send binary.
     */
    public static boolean countsMessage(String path, ByteBuffer binary) {
        ByteBuffer frame = binary.duplicate();
        if (!relative(path).startsWith("api/kernels/") || frame.remaining() < 8) {
            return false;
        }
        int parts = frame.getInt(frame.position());
        int start = frame.getInt(frame.position() + 4);
        if (parts < 1 || start < 4 || start >= frame.remaining()) {
            return false;
        }
        int end = parts > 1 && frame.remaining() >= 12 ? frame.getInt(frame.position() + 8) : frame.remaining();
        end = Math.min(Math.max(end, start), frame.remaining()); // a first fragment may end inside the message
        byte[] json = new byte[end - start];
        frame.position(frame.position() + start).get(json);
        return countsMessage(path, new String(json, StandardCharsets.UTF_8));
    }

    private static String relative(String path) {
        int base = path.indexOf(BASE);
        return base < 0 ? (path.startsWith("/") ? path.substring(1) : path) : path.substring(base + BASE.length());
    }
}
