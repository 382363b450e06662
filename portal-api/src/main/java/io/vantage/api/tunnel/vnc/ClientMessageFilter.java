package io.vantage.api.tunnel.vnc;

import java.util.Arrays;

/**
 * Reads the browser's RFB messages to the server out of the byte stream (message boundaries do not follow websocket
 * frames) so that, for read-only members, input (keys, pointer, clipboard, resizing, power actions) is dropped here
 * on the server. Real input is reported for inactivity tracking.
 */
final class ClientMessageFilter {

    interface Output {
        void forward(byte[] bytes, int offset, int length);

        void userInput();

        void fail(String reason);
    }

    static final int MAX_MESSAGE = 16 * 1024 * 1024;
    private static final int NEED_MORE = -1;
    private static final int UNKNOWN = -2;

    private byte[] pending = new byte[0];
    private volatile boolean readOnly;
    private boolean passThrough;

    ClientMessageFilter(boolean readOnly) {
        this.readOnly = readOnly;
    }

    /** Drops input from now on, or passes it on again; messages keep their boundaries either way. */
    void readOnly(boolean watching) {
        readOnly = watching;
    }

    boolean isReadOnly() {
        return readOnly;
    }

    void accept(byte[] data, Output out) {
        if (passThrough) {
            if (readOnly) {
                // message boundaries were given up for an unknown extension: input can no longer be told apart
                out.fail("this desktop connection cannot switch to watching; reconnect to watch");
                return;
            }
            out.forward(data, 0, data.length);
            return;
        }
        byte[] bytes = pending.length == 0 ? data : concat(pending, data);
        int position = 0;
        while (position < bytes.length) {
            int size = size(bytes, position);
            if (size == NEED_MORE) {
                break;
            }
            if (size == UNKNOWN || size > MAX_MESSAGE) {
                if (readOnly) {
                    out.fail("unsupported message from a read-only viewer");
                    pending = new byte[0];
                    return;
                }
                // An extension this filter does not know: a full-control member's stream is passed on untouched.
                passThrough = true;
                out.forward(bytes, position, bytes.length - position);
                pending = new byte[0];
                return;
            }
            int type = bytes[position] & 0xff;
            boolean input = isInput(type, bytes, position);
            if (!(readOnly && (input || type == 250 || type == 251))) {
                out.forward(bytes, position, size);
                if (input) {
                    out.userInput();
                }
            }
            position += size;
        }
        pending = Arrays.copyOfRange(bytes, position, bytes.length);
    }

    private static boolean isInput(int type, byte[] b, int p) {
        return type == 4 || type == 5 || type == 6 || (type == 255 && b.length > p + 1 && b[p + 1] == 0);
    }

    /** The length of the message starting at {@code p}, {@link #NEED_MORE} or {@link #UNKNOWN}. */
    private static int size(byte[] b, int p) {
        int available = b.length - p;
        int type = b[p] & 0xff;
        int size = switch (type) {
            case 0 -> 20;                                   // SetPixelFormat
            case 2 -> available < 4 ? NEED_MORE : 4 + 4 * u16(b, p + 2);
            case 3 -> 10;
            case 4 -> 8;
            case 5 -> 6;
            case 6 -> available < 8 ? NEED_MORE : (int) Math.min(MAX_MESSAGE + 1L, 8 + Math.abs((long) s32(b, p + 4)));
            case 150 -> 10;
            case 248 -> available < 9 ? NEED_MORE : 9 + (b[p + 8] & 0xff);
            case 250 -> 4;
            case 251 -> available < 8 ? NEED_MORE : 8 + 16 * (b[p + 6] & 0xff);
            case 255 -> qemu(b, p, available);
            default -> UNKNOWN;
        };
        if (size < 0) {
            return size;
        }
        return size > MAX_MESSAGE ? UNKNOWN : (size <= available ? size : NEED_MORE);
    }

    private static int qemu(byte[] b, int p, int available) {
        if (available < 2) {
            return NEED_MORE;
        }
        int subtype = b[p + 1] & 0xff;
        if (subtype == 0) {
            return 12;                                      // QEMU extended key event
        }
        if (subtype == 1) {
            if (available < 4) {
                return NEED_MORE;
            }
            return u16(b, p + 2) == 2 ? 10 : 4;             // QEMU audio
        }
        return UNKNOWN;
    }

    private static int u16(byte[] b, int i) {
        return ((b[i] & 0xff) << 8) | (b[i + 1] & 0xff);
    }

    private static int s32(byte[] b, int i) {
        return ((b[i] & 0xff) << 24) | ((b[i + 1] & 0xff) << 16) | ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
