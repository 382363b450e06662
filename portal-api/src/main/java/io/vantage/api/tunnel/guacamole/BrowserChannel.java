package io.vantage.api.tunnel.guacamole;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;

import org.apache.guacamole.protocol.GuacamoleInstruction;
import org.apache.guacamole.protocol.GuacamoleStatus;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * The browser's end of a tunnel. A websocket session takes one sender at a time; sends block, so a slow browser
 * slows the relay down (and through TCP, guacd) instead of filling the portal's memory.
 */
final class BrowserChannel {

    private final WebSocketSession session;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    /** The container's writer sends 8 Ki characters per websocket frame: decode as much at a time. */
    private final char[] chars = new char[8 * 1024];
    private final CharBuffer chunk = CharBuffer.wrap(chars);

    BrowserChannel(WebSocketSession session) {
        this.session = session;
    }

    void send(String instructions) throws IOException {
        synchronized (session) {
            session.sendMessage(new TextMessage(instructions));
        }
    }

    /**
     * Sends UTF-8 text (whole characters) as one text message. ASCII (base64 images and the instructions around
     * them: nearly all guacd sends; {@code ascii} says so, from guacd's scan) goes to Tomcat as it is, one frame per
     * call ({@link TomcatTextFrames}). Anything
     * else goes through the container's writer, decoded piece by piece into a small reused array (malformed bytes
     * become U+FFFD, so the browser never gets a frame that is not UTF-8): the container encodes from an array
     * quickly, where it encodes a String character by character.
     */
    void send(byte[] utf8, int offset, int length, boolean ascii) throws IOException {
        synchronized (session) {
            Session container = session instanceof NativeWebSocketSession n ? n.getNativeSession(Session.class) : null;
            if (container == null) {
                session.sendMessage(new TextMessage(new String(utf8, offset, length, StandardCharsets.UTF_8)));
                return;
            }
            RemoteEndpoint.Basic remote = container.getBasicRemote();
            if (ascii && TomcatTextFrames.available(remote)) {
                TomcatTextFrames.send(remote, utf8, offset, length);
                return;
            }
            ByteBuffer in = ByteBuffer.wrap(utf8, offset, length);
            decoder.reset();
            try (Writer writer = remote.getSendWriter()) {
                CoderResult result;
                do {
                    chunk.clear();
                    result = decoder.decode(in, chunk, true);
                    writer.write(chars, 0, chunk.position());
                } while (result.isOverflow());
            }
        }
    }

    /**
     * Ends the websocket with a Guacamole status; with a message, the browser first gets it as an {@code error}
     * instruction it can show. guacamole-common-js reads the status code from the close reason.
     */
    void close(GuacamoleStatus status, String message) {
        synchronized (session) {
            if (!session.isOpen()) {
                return;
            }
            if (message != null) {
                try {
                    session.sendMessage(new TextMessage(new GuacamoleInstruction("error", message,
                            Integer.toString(status.getGuacamoleStatusCode())).toString()));
                } catch (IOException | IllegalStateException e) {
                    // closing anyway
                }
            }
            try {
                session.close(new CloseStatus(status.getWebSocketCode(),
                        Integer.toString(status.getGuacamoleStatusCode())));
            } catch (IOException | IllegalStateException e) {
                // already gone
            }
        }
    }

    boolean isOpen() {
        return session.isOpen();
    }
}
