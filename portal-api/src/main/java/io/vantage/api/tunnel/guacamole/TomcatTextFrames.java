package io.vantage.api.tunnel.guacamole;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;

import jakarta.websocket.RemoteEndpoint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's way to send text that is already UTF-8: one text frame written straight from the bytes. The websocket
 * API only takes text as characters, which Tomcat encodes again and cuts into frames of 8 KiB, each written to the
 * socket on its own: for guacd's output, which arrives as UTF-8, that was a decode, an encode and eight frames per
 * 64 KiB read. This calls the method Tomcat's own {@code sendText} ends in, with the text's bytes. Where the
 * container is not Tomcat, or Tomcat changed, {@link #available} is false and the caller uses the standard API.
 * The caller sends one message at a time on a session (as for any {@code RemoteEndpoint.Basic}).
 */
final class TomcatTextFrames {

    private static final Logger log = LoggerFactory.getLogger(TomcatTextFrames.class);
    private static final byte OPCODE_TEXT = 1;
    private static final Class<?> BASIC = load("org.apache.tomcat.websocket.WsRemoteEndpointBasic");
    private static final MethodHandle BASE;
    private static final MethodHandle SEND;

    static {
        MethodHandle base = null;
        MethodHandle send = null;
        if (BASIC != null) {
            try {
                Field field = BASIC.getSuperclass().getDeclaredField("base");
                field.setAccessible(true);
                Method method = field.getType().getDeclaredMethod("sendMessageBlock", byte.class, ByteBuffer.class,
                        boolean.class);
                method.setAccessible(true);
                base = MethodHandles.lookup().unreflectGetter(field).asType(MethodType.methodType(Object.class,
                        Object.class));
                send = MethodHandles.lookup().unreflect(method).asType(MethodType.methodType(void.class,
                        Object.class, byte.class, ByteBuffer.class, boolean.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                log.info("Guacamole tunnel: Tomcat's text frames not reachable, using the websocket API: {}",
                        e.toString());
            }
        }
        BASE = base;
        SEND = send;
    }

    private TomcatTextFrames() {
    }

    /** Whether {@code remote} takes UTF-8 bytes directly. */
    static boolean available(RemoteEndpoint.Basic remote) {
        return SEND != null && BASIC.isInstance(remote);
    }

    /**
     * Sends {@code length} bytes of {@code utf8}, which must be valid UTF-8, as one whole text message; returns once
     * it is written (or fails as {@code sendText} does).
     */
    static void send(RemoteEndpoint.Basic remote, byte[] utf8, int offset, int length) throws IOException {
        try {
            SEND.invokeExact(BASE.invokeExact((Object) remote), OPCODE_TEXT, ByteBuffer.wrap(utf8, offset, length),
                    true);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, TomcatTextFrames.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
