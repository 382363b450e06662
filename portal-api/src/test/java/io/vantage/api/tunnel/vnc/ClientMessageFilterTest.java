package io.vantage.api.tunnel.vnc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ClientMessageFilterTest {

    static final byte[] UPDATE_REQUEST = {3, 1, 0, 0, 0, 0, 5, 0, 3, 32};
    static final byte[] KEY_A = {4, 1, 0, 0, 0, 0, 0, 0x61};
    static final byte[] POINTER = {5, 1, 0, 10, 0, 20};
    static final byte[] SET_ENCODINGS = {2, 0, 0, 2, 0, 0, 0, 7, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x21};
    static final byte[] CUT_TEXT = {6, 0, 0, 0, 0, 0, 0, 3, 'a', 'b', 'c'};

    static class Recorder implements ClientMessageFilter.Output {
        final ByteArrayOutputStream forwarded = new ByteArrayOutputStream();
        int inputs;
        final List<String> failures = new ArrayList<>();

        @Override
        public void forward(byte[] bytes, int offset, int length) {
            forwarded.write(bytes, offset, length);
        }

        @Override
        public void userInput() {
            inputs++;
        }

        @Override
        public void fail(String reason) {
            failures.add(reason);
        }
    }

    static byte[] join(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void fullControlForwardsEverythingAndCountsInput() {
        Recorder out = new Recorder();
        byte[] stream = join(SET_ENCODINGS, UPDATE_REQUEST, KEY_A, POINTER, CUT_TEXT);
        new ClientMessageFilter(false).accept(stream, out);
        assertThat(out.forwarded.toByteArray()).isEqualTo(stream);
        assertThat(out.inputs).isEqualTo(3);
    }

    @Test
    void readOnlyDropsKeysPointerAndClipboardButKeepsUpdates() {
        Recorder out = new Recorder();
        new ClientMessageFilter(true).accept(join(SET_ENCODINGS, KEY_A, UPDATE_REQUEST, POINTER, CUT_TEXT), out);
        assertThat(out.forwarded.toByteArray()).isEqualTo(join(SET_ENCODINGS, UPDATE_REQUEST));
        assertThat(out.inputs).isZero();
        assertThat(out.failures).isEmpty();
    }

    @Test
    void messagesSplitAcrossFramesAreReassembled() {
        Recorder out = new Recorder();
        ClientMessageFilter filter = new ClientMessageFilter(true);
        byte[] stream = join(UPDATE_REQUEST, KEY_A, SET_ENCODINGS, UPDATE_REQUEST);
        for (byte b : stream) {
            filter.accept(new byte[] {b}, out);
        }
        assertThat(out.forwarded.toByteArray()).isEqualTo(join(UPDATE_REQUEST, SET_ENCODINGS, UPDATE_REQUEST));
    }

    @Test
    void becomingReadOnlyMidStreamDropsFromThenOn() {
        Recorder out = new Recorder();
        ClientMessageFilter filter = new ClientMessageFilter(false);
        filter.accept(KEY_A, out);
        filter.readOnly(true);
        filter.accept(join(KEY_A, UPDATE_REQUEST), out);
        assertThat(out.forwarded.toByteArray()).isEqualTo(join(KEY_A, UPDATE_REQUEST));
    }

    @Test
    void watchingEndsMidStreamAndInputPassesAgain() {
        Recorder out = new Recorder();
        ClientMessageFilter filter = new ClientMessageFilter(true);
        byte[] stream = join(KEY_A, UPDATE_REQUEST, KEY_A);
        filter.accept(java.util.Arrays.copyOf(stream, KEY_A.length + 3), out);
        filter.readOnly(false);
        filter.accept(java.util.Arrays.copyOfRange(stream, KEY_A.length + 3, stream.length), out);
        assertThat(out.forwarded.toByteArray()).as("the split request whole, then the key").isEqualTo(
                join(UPDATE_REQUEST, KEY_A));
        assertThat(filter.isReadOnly()).isFalse();
        assertThat(out.failures).isEmpty();
    }

    @Test
    void aStreamPassedThroughForAnExtensionEndsWhenItsMemberMustWatch() {
        Recorder out = new Recorder();
        ClientMessageFilter filter = new ClientMessageFilter(false);
        filter.accept(join(UPDATE_REQUEST, new byte[] {(byte) 200, 1, 2, 3}), out);
        int passed = out.forwarded.size();
        filter.readOnly(true);
        filter.accept(KEY_A, out);
        assertThat(out.forwarded.size()).isEqualTo(passed);
        assertThat(out.failures).hasSize(1);
    }

    @Test
    void unknownMessagesPassForFullControlButEndAReadOnlyViewer() {
        byte[] unknown = {(byte) 200, 1, 2, 3};
        Recorder full = new Recorder();
        new ClientMessageFilter(false).accept(join(UPDATE_REQUEST, unknown), full);
        assertThat(full.forwarded.toByteArray()).isEqualTo(join(UPDATE_REQUEST, unknown));

        Recorder guest = new Recorder();
        new ClientMessageFilter(true).accept(join(UPDATE_REQUEST, unknown, KEY_A), guest);
        assertThat(guest.forwarded.toByteArray()).isEqualTo(UPDATE_REQUEST);
        assertThat(guest.failures).hasSize(1);
    }

    @Test
    void readOnlyViewerCannotResizeOrPowerCycleTheDesktop() {
        byte[] xvpReboot = {(byte) 250, 0, 1, 3};
        byte[] setDesktopSize = join(new byte[] {(byte) 251, 0, 7, (byte) 128, 4, 56, 1, 0}, new byte[16]);
        Recorder out = new Recorder();
        new ClientMessageFilter(true).accept(join(xvpReboot, setDesktopSize, UPDATE_REQUEST), out);
        assertThat(out.forwarded.toByteArray()).isEqualTo(UPDATE_REQUEST);
    }

    @Test
    void theScreenFollowsTheWindowOfMembersWhoMayTypeAndNotOfWatchers() {
        byte[] setDesktopSize = join(new byte[] {(byte) 251, 0, 5, 86, 2, (byte) 178, 1, 0}, new byte[16]);
        Recorder out = new Recorder();
        ClientMessageFilter filter = new ClientMessageFilter(false);
        // a resize cut in two by the websocket's frames still goes out whole, once complete
        filter.accept(java.util.Arrays.copyOf(setDesktopSize, 10), out);
        assertThat(out.forwarded.size()).isZero();
        filter.accept(java.util.Arrays.copyOfRange(setDesktopSize, 10, setDesktopSize.length), out);
        assertThat(out.forwarded.toByteArray()).isEqualTo(setDesktopSize);
        assertThat(out.inputs).as("not typing: no activity").isZero();

        filter.readOnly(true);
        filter.accept(join(setDesktopSize, UPDATE_REQUEST), out);
        assertThat(out.forwarded.toByteArray()).isEqualTo(join(setDesktopSize, UPDATE_REQUEST));
        filter.readOnly(false);
        filter.accept(setDesktopSize, out);
        assertThat(out.forwarded.toByteArray()).isEqualTo(join(setDesktopSize, UPDATE_REQUEST, setDesktopSize));
    }

    @Test
    void partsOfABiggerArrayAreReadWhereTheyAre() {
        byte[] framed = join(new byte[] {9, 9, 9}, KEY_A, POINTER, new byte[] {9});
        Recorder out = new Recorder();
        new ClientMessageFilter(false).accept(framed, 3, KEY_A.length + POINTER.length, out);
        assertThat(out.forwarded.toByteArray()).isEqualTo(join(KEY_A, POINTER));
        assertThat(out.inputs).isEqualTo(2);
    }

    @Test
    void oversizedClipboardIsRefusedForReadOnly() {
        byte[] huge = {6, 0, 0, 0, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff};
        Recorder out = new Recorder();
        new ClientMessageFilter(true).accept(huge, out);
        assertThat(out.failures).hasSize(1);
        assertThat(out.forwarded.size()).isZero();
    }
}
