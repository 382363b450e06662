package io.vantage.api.tunnel.vnc;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Read buffers for relays, outside the heap (a socket reads into them and Tomcat writes from them without copying)
 * and reused: direct memory is slow to allocate and only freed by a garbage collection. Keeps at most
 * {@code idle} buffers between connections; more connections at once simply allocate more.
 */
final class DirectBuffers {

    private final int size;
    private final ArrayBlockingQueue<ByteBuffer> idle;

    DirectBuffers(int size, int idle) {
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(idle);
    }

    ByteBuffer take() {
        ByteBuffer buffer = idle.poll();
        return buffer != null ? buffer.clear() : ByteBuffer.allocateDirect(size);
    }

    void give(ByteBuffer buffer) {
        idle.offer(buffer.clear());
    }
}
