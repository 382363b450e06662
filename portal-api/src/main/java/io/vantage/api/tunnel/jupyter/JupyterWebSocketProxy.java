package io.vantage.api.tunnel.jupyter;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

import io.vantage.api.security.AccessChange;
import io.vantage.api.expiry.NotebookActivity;
import io.vantage.api.security.PortalSessionHolder;
import io.vantage.api.tunnel.ActivityRecorder;
import io.vantage.api.tunnel.TunnelTargets;

/**
 * Relays notebook websockets (kernel channels, terminals) to the instance's Jupyter, adding its token. Every open
 * relay is re-decided when an access change concerns it: closed when the person lost access, made read-only
 * (their messages dropped, so no code runs) when demoted to GUEST, writable again when promoted.
 */
class JupyterWebSocketProxy extends AbstractWebSocketHandler implements PortalSessionHolder {

    static final String GRANT = "vantage.jupyter.grant";
    static final String TARGET = "vantage.jupyter.target";
    /** The portal session the notebook cookie was issued under (absent when an API token asked for the ticket). */
    static final String PORTAL_SESSION = "vantage.jupyter.portal-session";
    /** Close code the notebook page sees when access was withdrawn (4000-4999: the application's own). */
    static final int ACCESS_WITHDRAWN = 4403;
    private static final Logger log = LoggerFactory.getLogger(JupyterWebSocketProxy.class);

    private final ActivityRecorder activity;
    private final NotebookAccess access;
    private final HttpClient http;
    private final Counter dropped;
    private final Map<String, Relay> relays = new ConcurrentHashMap<>();

    JupyterWebSocketProxy(ActivityRecorder activity, NotebookAccess access, Duration connectTimeout,
                          MeterRegistry registry) {
        this.activity = activity;
        this.access = access;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.dropped = registry.counter("vantage.tunnel.input.dropped", "protocol", "JUPYTER");
        registry.gaugeMapSize("vantage.tunnel.sessions", Tags.of("protocol", "JUPYTER"), relays);
    }

    @Override
    public boolean supportsPartialMessages() {
        return true; // relayed fragment by fragment: no size limit, nothing buffered
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        NotebookAccess.Grant grant = (NotebookAccess.Grant) session.getAttributes().get(GRANT);
        TunnelTargets.Target target = (TunnelTargets.Target) session.getAttributes().get(TARGET);
        WebSocketSession browser = new ConcurrentWebSocketSessionDecorator(session, 20_000, 16 * 1024 * 1024);
        URI uri = session.getUri();
        URI upstreamUri = URI.create("ws://" + target.endpoint() + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        Relay relay = new Relay(grant, (String) session.getAttributes().get(PORTAL_SESSION), browser,
                new JupyterUpstream(browser));
        relays.put(session.getId(), relay);
        // A change that came between the decision and now found no relay to re-check: decide once more.
        Optional<NotebookAccess.Grant> now = access.grant(grant.userId(), grant.uid());
        if (now.isEmpty()) {
            JupyterUpstream.closeQuietly(browser, new CloseStatus(ACCESS_WITHDRAWN, "Your access to this notebook ended"));
            return;
        }
        relay.readOnly(now.get().readOnly());
        http.newWebSocketBuilder().header("Authorization", "token " + target.secret())
                .buildAsync(upstreamUri, relay.upstream())
                .whenComplete((socket, error) -> {
                    if (error != null) {
                        log.info("Notebook websocket of instance {} could not open: {}", grant.uid(), error.getMessage());
                        JupyterUpstream.closeQuietly(browser, CloseStatus.SERVER_ERROR.withReason("The notebook is not answering"));
                    } else {
                        relay.upstream().opened(socket);
                    }
                });
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        fromBrowser(session, message);
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        fromBrowser(session, message);
    }

    private void fromBrowser(WebSocketSession session, WebSocketMessage<?> message) {
        Relay relay = relays.get(session.getId());
        if (relay != null && relay.pass(message)) {
            if (counts(session, message)) {
                activity.interaction(relay.grant().instanceId(), null, relay.portalSession());
            }
        } else if (relay != null && message.isLast()) {
            dropped.increment();
        }
    }

    /** Code sent to run, keys typed in a terminal: not what Jupyter's pages send by themselves. */
    private static boolean counts(WebSocketSession session, WebSocketMessage<?> message) {
        String path = session.getUri() == null ? "" : session.getUri().getPath();
        return message instanceof TextMessage text ? NotebookActivity.countsMessage(path, text.getPayload())
                : message instanceof BinaryMessage binary && NotebookActivity.countsMessage(path, binary.getPayload());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Relay relay = relays.remove(session.getId());
        if (relay != null) {
            relay.upstream().close();
        }
    }

    /** What a re-decision did to a person's notebook websockets: {@code closed}, {@code watching} or {@code control}. */
    record Switched(NotebookAccess.Grant grant, String access) {
    }

    /**
     * Re-decides the relays an access change concerns with {@code decide} (the person's access now): closes those
     * that lost it with {@code reason}, switches the others between watching and working. Returns what switched.
     */
    List<Switched> recheck(AccessChange change, Function<NotebookAccess.Grant, Optional<NotebookAccess.Grant>> decide,
                           Function<NotebookAccess.Grant, String> reason) {
        List<Switched> switched = new ArrayList<>();
        for (Relay relay : relays.values()) {
            NotebookAccess.Grant grant = relay.grant();
            if (!change.concerns(grant.userId(), grant.instanceId())) {
                continue;
            }
            Optional<NotebookAccess.Grant> now = decide.apply(grant);
            if (now.isEmpty()) {
                relay.readOnly(true);
                JupyterUpstream.closeQuietly(relay.browser(), new CloseStatus(ACCESS_WITHDRAWN, shorten(reason.apply(grant))));
                switched.add(new Switched(grant, "closed"));
            } else if (relay.readOnly(now.get().readOnly())) {
                switched.add(new Switched(grant, now.get().readOnly() ? "watching" : "control"));
            }
        }
        return switched;
    }

    /**
     * Closes the relays of the person the change concerns whose portal session has ended ({@code ended} says so of
     * a session id): a notebook connection lasts no longer than the browser session it was opened under.
     */
    /** The portal sessions the open relays' notebook cookies were issued under. */
    @Override
    public Map<String, String> heldSessions() {
        Map<String, String> held = new java.util.HashMap<>();
        relays.values().forEach(relay -> {
            if (relay.portalSession() != null) {
                held.put(relay.portalSession(), relay.grant().userId());
            }
        });
        return held;
    }

    int closeEnded(AccessChange change, java.util.function.Predicate<String> ended, String reason) {
        int closed = 0;
        for (Relay relay : relays.values()) {
            NotebookAccess.Grant grant = relay.grant();
            if (relay.portalSession() != null && change.concerns(grant.userId(), grant.instanceId())
                    && ended.test(relay.portalSession())) {
                relay.readOnly(true);
                JupyterUpstream.closeQuietly(relay.browser(), new CloseStatus(ACCESS_WITHDRAWN, shorten(reason)));
                closed++;
            }
        }
        return closed;
    }

    /** Close reasons are limited to 123 bytes. */
    static String shorten(String reason) {
        String text = reason == null ? "Your access to this notebook ended." : reason;
        if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 123) {
            return text;
        }
        while (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 120) {
            text = text.substring(0, text.length() - 1);
        }
        return text + "…";
    }

    /** One browser websocket and its instance side; whether its input passes is decided per message. */
    private static final class Relay {

        private final NotebookAccess.Grant grant;
        private final String portalSession;
        private final WebSocketSession browser;
        private final JupyterUpstream upstream;
        private volatile boolean readOnly;
        private boolean inMessage;
        private boolean droppingMessage;

        Relay(NotebookAccess.Grant grant, String portalSession, WebSocketSession browser, JupyterUpstream upstream) {
            this.grant = grant;
            this.portalSession = portalSession;
            this.browser = browser;
            this.upstream = upstream;
            this.readOnly = grant.readOnly();
        }

        NotebookAccess.Grant grant() {
            return grant;
        }

        String portalSession() {
            return portalSession;
        }

        WebSocketSession browser() {
            return browser;
        }

        JupyterUpstream upstream() {
            return upstream;
        }

        /** True when this switched the input off or on. */
        synchronized boolean readOnly(boolean value) {
            boolean switched = readOnly != value;
            readOnly = value;
            return switched;
        }

        /** Whether this message (fragment) goes on; a message is dropped or passed whole, as its first part decides. */
        synchronized boolean pass(WebSocketMessage<?> message) {
            if (!inMessage) {
                droppingMessage = readOnly;
            }
            inMessage = !message.isLast();
            if (droppingMessage) {
                return false;
            }
            upstream.send(message);
            return true;
        }
    }
}
