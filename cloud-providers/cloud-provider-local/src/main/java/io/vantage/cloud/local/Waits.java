package io.vantage.cloud.local;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling for conditions that have no event to wait on (a socket file appearing, a foreign process exiting). */
final class Waits {

    private static final long POLL_MILLIS = 50;

    private Waits() {
    }

    /** @return whether the condition became true before the timeout */
    static boolean until(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return true;
    }

    static boolean untilQuietly(BooleanSupplier condition, Duration timeout) {
        try {
            return until(condition, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return condition.getAsBoolean();
        }
    }
}
