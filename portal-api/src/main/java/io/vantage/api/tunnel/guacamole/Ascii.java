package io.vantage.api.tunnel.guacamole;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Whether bytes are all ASCII, eight at a time. */
final class Ascii {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
    private static final long HIGH_BITS = 0x8080808080808080L;

    private Ascii() {
    }

    static boolean only(byte[] bytes, int offset, int length) {
        int end = offset + length;
        int p = offset;
        long high = 0;
        for (; p + 8 <= end; p += 8) {
            high |= (long) LONGS.get(bytes, p);
        }
        for (; p < end; p++) {
            high |= bytes[p];
        }
        return (high & HIGH_BITS) == 0;
    }
}
