package io.vantage.bench.guacamole;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One desktop session as a browser would run it: acknowledges every frame with its sync (as guacamole-common-js
 * does once a frame is drawn), measures ping round trips, counts what it receives. Direct or through the portal.
 */
abstract class BenchSession implements AutoCloseable {

    final AtomicLong received = new AtomicLong();
    final ConcurrentLinkedQueue<Long> roundTripsNanos = new ConcurrentLinkedQueue<>();
    volatile boolean recording;

    abstract void send(String instruction) throws Exception;

    /** Called with whatever text arrived: one or more whole instructions. */
    void onText(CharSequence text) {
        received.addAndGet(text.length());
        Scanner.scan(text, timestamp -> {
            if (timestamp.charAt(0) == 'p') {
                if (recording) {
                    roundTripsNanos.add(System.nanoTime() - Long.parseLong(timestamp, 1, timestamp.length(), 10));
                }
            } else {
                try {
                    send(Scanner.instruction("sync", timestamp));
                } catch (Exception e) {
                    // closing
                }
            }
        });
    }

    void ping() throws Exception {
        send(Scanner.instruction("sync", "p" + System.nanoTime()));
    }

    void stream(boolean on) throws Exception {
        send(on ? Scanner.instruction("size", "1280", "800") : Scanner.instruction("size", "0", "0"));
    }
}
