package io.vantage.api.tunnel.guacamole;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.guacamole.GuacamoleConnectionClosedException;
import org.apache.guacamole.GuacamoleException;
import org.apache.guacamole.GuacamoleServerException;
import org.apache.guacamole.GuacamoleUpstreamTimeoutException;
import org.apache.guacamole.io.GuacamoleReader;
import org.apache.guacamole.protocol.GuacamoleInstruction;
import org.apache.guacamole.protocol.GuacamoleStatus;

/**
 * What guacd sends, read as bytes. During the handshake it is guacamole-common's reader (one instruction at a
 * time); then {@link #pump} relays whole instructions in bulk: each socket read is scanned for where instructions
 * end ({@code LENGTH.VALUE,...;}, lengths in Unicode characters, so UTF-8 lead bytes are counted) and everything up
 * to the last complete one becomes one websocket message. Nothing is parsed into objects except
 * guacd's {@code error}, whose status says how the connection ended. The scan also notes where bytes beyond ASCII
 * are, so the browser's side knows without looking again which messages it may send as they are.
 */
final class GuacdInput implements GuacamoleReader {

    static final int BUFFER = 64 * 1024;
    /** No instruction guacd sends is near this; a stream claiming more is broken. */
    static final int MAX_INSTRUCTION = 4 * 1024 * 1024;

    interface Sink {
        /**
         * Whole instructions, UTF-8 encoded: {@code length} bytes of {@code bytes}, which is reused afterwards.
         *
         * @param ascii true only when every one of these bytes is ASCII
         */
        void send(byte[] bytes, int offset, int length, boolean ascii) throws IOException;
    }

    private enum State { LENGTH, VALUE, SEPARATOR }

    private enum Opcode { OTHER, ERROR, DISCONNECT }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final long ASCII_MASK = 0x8080808080808080L;
    private static final byte[] ERROR = "error".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DISCONNECT = "disconnect".getBytes(StandardCharsets.US_ASCII);

    private final InputStream in;
    private byte[] buffer = new byte[BUFFER];
    /** [start, end) is read and not handed out yet; [start, scanned) is scanned. */
    private int start;
    private int scanned;
    private int end;
    /** Where the last byte beyond ASCII that was scanned is (below {@link #start} when none is waiting). */
    private int lastNonAscii = -1;
    private State state = State.LENGTH;
    private int digits;
    private int length;
    private int instructionStart;
    private int valueStart;
    private int element;
    private Opcode opcode = Opcode.OTHER;
    private GuacamoleStatus ended;

    GuacdInput(InputStream in) {
        this.in = in;
    }

    /**
     * Relays until guacd hangs up.
     *
     * @return how guacd said it ended: the status of its {@code error}, SUCCESS after a plain {@code disconnect},
     *         or null when it just closed the connection
     */
    GuacamoleStatus pump(Sink browser) throws GuacamoleException, IOException {
        while (true) {
            int last = start;
            try {
                int next;
                while ((next = scanOne()) >= 0) {
                    last = next;
                }
            } finally {
                // whole instructions before a damaged one still reach the browser
                send(browser, last);
            }
            if (!fill()) {
                return ended;
            }
        }
    }

    private void send(Sink browser, int until) throws IOException {
        if (until > start) {
            browser.send(buffer, start, until - start, lastNonAscii < start);
            start = until;
        }
    }

    @Override
    public boolean available() throws GuacamoleException {
        try {
            return end > start || in.available() > 0;
        } catch (IOException e) {
            throw new GuacamoleServerException(e);
        }
    }

    @Override
    public char[] read() throws GuacamoleException {
        int instructionEnd;
        while ((instructionEnd = scanOne()) < 0) {
            if (!fill()) {
                return null;
            }
        }
        char[] instruction = new String(buffer, start, instructionEnd - start, StandardCharsets.UTF_8).toCharArray();
        start = instructionEnd;
        return instruction;
    }

    @Override
    public GuacamoleInstruction readInstruction() throws GuacamoleException {
        char[] instruction = read();
        return instruction == null ? null : Instructions.parse(instruction);
    }

    /** Scans on until one more instruction is complete: returns where it ends, or -1 when more bytes are needed. */
    private int scanOne() throws GuacamoleException {
        byte[] b = buffer;
        int p = scanned;
        while (p < end) {
            switch (state) {
                case LENGTH -> {
                    int c = b[p];
                    if (c == '.' && digits > 0) {
                        state = length == 0 ? State.SEPARATOR : State.VALUE;
                        valueStart = p + 1;
                    } else if (c >= '0' && c <= '9' && digits < 7) {
                        length = length * 10 + (c - '0');
                        digits++;
                    } else {
                        throw new GuacamoleServerException("guacd sent an invalid instruction");
                    }
                    p++;
                }
                case VALUE -> {
                    // count characters: every byte but UTF-8 continuation bytes starts one; eight ASCII bytes
                    // (images in base64, most of what guacd sends) are eight characters, checked at once
                    int left = length;
                    while (left >= 8 && p + 8 <= end && ((long) LONGS.get(b, p) & ASCII_MASK) == 0) {
                        p += 8;
                        left -= 8;
                    }
                    while (p < end && left > 0) {
                        int c = b[p];
                        if (c < 0) {
                            lastNonAscii = p;
                        }
                        p++;
                        if ((c & 0xc0) != 0x80) {
                            left--;
                        }
                    }
                    length = left;
                    if (left == 0) {
                        state = State.SEPARATOR;
                    }
                }
                case SEPARATOR -> {
                    int c = b[p];
                    if ((c & 0xc0) == 0x80) {
                        lastNonAscii = p++; // the rest of the value's last character
                        continue;
                    }
                    if (element == 0) {
                        opcode = opcode(b, valueStart, p);
                    }
                    p++;
                    if (c == ',') {
                        element++;
                        state = State.LENGTH;
                        length = 0;
                        digits = 0;
                    } else if (c == ';') {
                        scanned = p;
                        instructionEnded(p);
                        return p;
                    } else {
                        throw new GuacamoleServerException("guacd sent an invalid instruction");
                    }
                }
            }
        }
        scanned = p;
        if (p - instructionStart > MAX_INSTRUCTION) {
            throw new GuacamoleServerException("guacd sent an instruction of more than " + MAX_INSTRUCTION + " bytes");
        }
        return -1;
    }

    private void instructionEnded(int instructionEnd) {
        if (opcode == Opcode.ERROR) {
            ended = errorStatus(new String(buffer, instructionStart, instructionEnd - instructionStart,
                    StandardCharsets.UTF_8).toCharArray());
        } else if (opcode == Opcode.DISCONNECT && ended == null) {
            ended = GuacamoleStatus.SUCCESS;
        }
        instructionStart = instructionEnd;
        state = State.LENGTH;
        length = 0;
        digits = 0;
        element = 0;
        opcode = Opcode.OTHER;
    }

    /** The status of guacd's {@code error} instruction (SERVER_ERROR when it gives none that is known). */
    static GuacamoleStatus errorStatus(char[] instruction) {
        try {
            List<String> args = Instructions.parse(instruction).getArgs();
            GuacamoleStatus status = args.size() >= 2
                    ? GuacamoleStatus.fromGuacamoleStatusCode(Integer.parseInt(args.get(1))) : null;
            return status != null ? status : GuacamoleStatus.SERVER_ERROR;
        } catch (GuacamoleException | RuntimeException e) {
            return GuacamoleStatus.SERVER_ERROR;
        }
    }

    private static Opcode opcode(byte[] b, int from, int to) {
        if (Arrays.equals(b, from, to, ERROR, 0, ERROR.length)) {
            return Opcode.ERROR;
        }
        return Arrays.equals(b, from, to, DISCONNECT, 0, DISCONNECT.length) ? Opcode.DISCONNECT : Opcode.OTHER;
    }

    /** Reads more from guacd, after moving what is left to the front; false at the end of the stream. */
    private boolean fill() throws GuacamoleException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            scanned -= start;
            instructionStart -= start;
            valueStart -= start;
            lastNonAscii -= start;
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2); // one instruction bigger than the buffer
        }
        try {
            int read = in.read(buffer, end, buffer.length - end);
            if (read < 0) {
                return false;
            }
            end += read;
            return true;
        } catch (SocketTimeoutException e) {
            throw new GuacamoleUpstreamTimeoutException("guacd stopped answering", e);
        } catch (SocketException e) {
            throw new GuacamoleConnectionClosedException("The connection to guacd was closed", e);
        } catch (IOException e) {
            throw new GuacamoleServerException("Could not read from guacd", e);
        }
    }
}
