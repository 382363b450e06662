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
    private static final int SHRINK_ABOVE = 64 * 1024;

    /** The start of a message that has not fully arrived yet (reused: most browser messages fit in one frame). */
    private byte[] pending = new byte[64];
    private int pendingLength;
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
        accept(data, 0, data.length, out);
    }

    /** Takes the next bytes of the browser's stream; whole messages are passed on or dropped, the rest kept. */
    void accept(byte[] data, int offset, int length, Output out) {
        if (passThrough) {
            if (readOnly) {
                // message boundaries were given up for an unknown extension: input can no longer be told apart
                out.fail("this desktop connection cannot switch to watching; reconnect to watch");
                return;
            }
            out.forward(data, offset, length);
            return;
        }
        byte[] bytes = data;
        int position = offset;
        int end = offset + length;
        if (pendingLength > 0) {
            keep(data, offset, length);
            bytes = pending;
            position = 0;
            end = pendingLength;
        }
        while (position < end) {
            int size = size(bytes, position, end);
            if (size == NEED_MORE) {
                break;
            }
            if (size == UNKNOWN || size > MAX_MESSAGE) {
                pendingLength = 0;
                if (readOnly) {
                    out.fail("unsupported message from a read-only viewer");
                    return;
                }
                // An extension this filter does not know: a full-control member's stream is passed on untouched.
                passThrough = true;
                out.forward(bytes, position, end - position);
                return;
            }
            int type = bytes[position] & 0xff;
            boolean input = isInput(type, bytes, position, end);
            if (!(readOnly && (input || type == 250 || type == 251))) {
                out.forward(bytes, position, size);
                if (input) {
                    out.userInput();
                }
            }
            position += size;
        }
        int rest = end - position;
        if (bytes == pending) {
            System.arraycopy(pending, position, pending, 0, rest);
            pendingLength = rest;
        } else {
            pendingLength = 0;
            keep(bytes, position, rest);
        }
        if (pendingLength == 0 && pending.length > SHRINK_ABOVE) {
            pending = new byte[64]; // a long clipboard text has passed: do not hold its buffer for the session
        }
    }

    /** Appends to the pending bytes. */
    private void keep(byte[] bytes, int offset, int length) {
        if (pendingLength + length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + length));
        }
        System.arraycopy(bytes, offset, pending, pendingLength, length);
        pendingLength += length;
    }

    private static boolean isInput(int type, byte[] b, int p, int end) {
        return type == 4 || type == 5 || type == 6 || (type == 255 && end > p + 1 && b[p + 1] == 0);
    }

    /** The length of the message starting at {@code p}, {@link #NEED_MORE} or {@link #UNKNOWN}. */
    private static int size(byte[] b, int p, int end) {
        int available = end - p;
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
}
