package io.vantage.api.tunnel.guacamole;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.guacamole.GuacamoleException;
import org.apache.guacamole.net.GuacamoleSocket;
import org.apache.guacamole.protocol.GuacamoleInstruction;
import org.apache.guacamole.protocol.GuacamoleParser;
import org.apache.guacamole.protocol.GuacamoleStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vantage.api.tunnel.TicketGrant;
import io.vantage.api.tunnel.TunnelConnection;

/**
 * One browser's desktop connection: its own thread connects to guacd and relays guacd → browser; the websocket's
 * message thread relays browser → guacd through the {@link InputFilter}. Whichever side ends first ends both, once.
 */
final class GuacamoleRelay implements TunnelConnection, Runnable {

    private static final Logger log = LoggerFactory.getLogger(GuacamoleRelay.class);

    private final String uuid = UUID.randomUUID().toString();
    private final BrowserChannel browser;
    private final TicketGrant grant;
    private final Map<String, String> query;
    private final Relays relays;
    private final InputFilter filter;
    private final GuacamoleParser parser = new GuacamoleParser();
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicBoolean left = new AtomicBoolean();
    private volatile GuacamoleSocket upstream;
    private volatile GuacdConnector.Connected connection;
    private volatile boolean announced;
    /** Recorded as a session member (and counted): from then on, ending must record that the member left. */
    private volatile boolean joined;

    GuacamoleRelay(BrowserChannel browser, TicketGrant grant, Map<String, String> query, Relays relays) {
        this.browser = browser;
        this.grant = grant;
        this.query = query;
        this.relays = relays;
        this.filter = new InputFilter(grant.readOnly());
    }

    @Override
    public void run() {
        try {
            connectAndRelay();
        } catch (RuntimeException e) {
            failed(e);
        }
    }

    private void connectAndRelay() {
        GuacdConnector.Connected connected;
        try {
            connected = relays.connector().connect(grant, query, uuid, this::upstreamOpened);
        } catch (GuacdConnector.Failure e) {
            if (!finished.get()) {
                relays.metrics().error(e.stage);
                log.warn("Desktop of instance {} for user {} failed at {}: {}", grant.instanceUid(), grant.userId(),
                        e.stage, e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
                finish(e.status, e.getMessage());
            }
            return;
        }
        connection = connected;
        relays.tracker().opened(this);
        relays.metrics().opened();
        joined = true;
        if (finished.get()) {
            leave(); // the browser left during the handshake
            return;
        }
        log.debug("Desktop of instance {} open for user {} ({}), {} connection {}", grant.instanceUid(),
                grant.userId(), grant.role(), connected.joined() ? "joined" : "new", connected.connectionId());
        if (!(connected.socket().getReader() instanceof GuacdInput input)) {
            throw new IllegalStateException("guacd socket without the portal's reader");
        }
        relayFromGuacd(input);
    }

    private void relayFromGuacd(GuacdInput input) {
        try {
            browser.send(new GuacamoleInstruction(Instructions.INTERNAL, uuid).toString());
            announced = true;
            GuacamoleStatus ended = input.pump(browser::send);
            if (ended == null) {
                relays.metrics().error("relay");
                finish(GuacamoleStatus.UPSTREAM_ERROR, "The remote desktop closed the connection unexpectedly.");
            } else {
                finish(ended, null); // guacd told the browser why already
            }
        } catch (GuacamoleException e) {
            upstreamLost(e);
        } catch (IOException | IllegalStateException e) {
            finish(GuacamoleStatus.SUCCESS, null); // the browser is gone
        }
    }

    private void upstreamLost(GuacamoleException e) {
        if (!finished.get()) {
            relays.metrics().error("relay");
            log.info("Desktop connection of instance {} for user {} lost: {}", grant.instanceUid(), grant.userId(),
                    e.getMessage());
            finish(e.getStatus(), "The connection to the remote desktop was lost.");
        }
    }

    /** A websocket message: one or more whole instructions. */
    void fromBrowser(String message) {
        try {
            Instructions.parseAll(parser, message.toCharArray(), this::handle);
        } catch (GuacamoleException e) {
            finish(GuacamoleStatus.CLIENT_BAD_REQUEST, "The browser sent an invalid instruction.");
        }
    }

    private void handle(GuacamoleInstruction instruction) {
        if (Instructions.INTERNAL.equals(instruction.getOpcode())) {
            answerPing(instruction.getArgs());
            return;
        }
        GuacdConnector.Connected connected = connection;
        InputFilter.Verdict verdict = filter.check(instruction);
        if (connected == null || verdict == InputFilter.Verdict.DROP || finished.get()) {
            return;
        }
        String text = instruction.toString();
        try {
            connected.socket().getWriter().write(text.toCharArray());
        } catch (GuacamoleException e) {
            upstreamLost(e);
            return;
        }
        if (verdict == InputFilter.Verdict.INPUT) {
            relays.activity().interaction(grant.instanceId(), connected.member().getId(),
                    grant.portalSessionId());
        }
    }

    private void answerPing(List<String> args) {
        // before the UUID announcement any reply would be taken for it
        if (announced && args.size() >= 2 && "ping".equals(args.get(0))) {
            try {
                browser.send(new GuacamoleInstruction(Instructions.INTERNAL, "ping", args.get(1)).toString());
            } catch (IOException | IllegalStateException e) {
                finish(GuacamoleStatus.SUCCESS, null);
            }
        }
    }

    private void upstreamOpened(GuacamoleSocket socket) {
        upstream = socket;
        if (finished.get()) {
            GuacdConnector.closeQuietly(socket);
        }
    }

    /** A bug of ours: end the connection rather than leave it half working. */
    void failed(RuntimeException e) {
        log.error("Desktop connection of instance {} for user {} failed", grant.instanceUid(), grant.userId(), e);
        finish(GuacamoleStatus.SERVER_ERROR, "The portal ran into an error; please reconnect.");
    }

    /** The browser closed the websocket (or its transport failed). */
    void browserClosed() {
        finish(GuacamoleStatus.SUCCESS, null);
    }

    /** Ends both sides once; later calls do nothing. */
    private void finish(GuacamoleStatus status, String message) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        GuacdConnector.closeQuietly(upstream);
        browser.close(status, message);
        relays.forget(this);
        if (joined) {
            leave();
        }
    }

    private void leave() {
        if (left.compareAndSet(false, true)) {
            relays.metrics().closed();
            try {
                relays.tracker().left(this);
            } catch (RuntimeException e) {
                log.warn("Could not record that user {} left instance {}", grant.userId(), grant.instanceUid(), e);
            }
        }
    }

    @Override
    public Long sessionMemberId() {
        GuacdConnector.Connected connected = connection;
        return connected == null ? null : connected.member().getId();
    }

    @Override
    public TicketGrant grant() {
        return grant;
    }

    @Override
    public void readOnly(boolean readOnly) {
        filter.readOnly(readOnly);
        log.debug("Desktop of instance {} is now {} for user {}", grant.instanceUid(),
                readOnly ? "watch-only" : "in control", grant.userId());
    }

    @Override
    public void close(String reason) {
        finish(GuacamoleStatus.SESSION_CLOSED, reason);
    }
}
