package io.vantage.etl.run;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tells the console how a long stage is going: every N rows or every interval, whichever comes first. */
final class Progress {

    private static final Logger log = LoggerFactory.getLogger("io.vantage.etl.progress");

    private final String stage;
    private final long everyRows;
    private final long intervalNanos;
    private final long started = System.nanoTime();
    private long rows;
    private long lastRows;
    private long lastNanos = started;

    Progress(String stage, int everyRows, Duration interval) {
        this.stage = stage;
        this.everyRows = Math.max(1, everyRows);
        this.intervalNanos = interval.toNanos();
    }

    void row() {
        rows++;
        // the clock is read once per 1024 rows: cheap enough for millions of rows
        if (rows - lastRows >= everyRows || ((rows & 1023) == 0 && System.nanoTime() - lastNanos >= intervalNanos)) {
            report("…");
        }
    }

    long done() {
        report("done");
        return rows;
    }

    private void report(String state) {
        long now = System.nanoTime();
        double seconds = Math.max(1e-9, (now - started) / 1e9);
        log.info("{}: {} rows read in {} s ({} rows/s) {}", stage, String.format("%,d", rows),
                String.format("%.1f", seconds), String.format("%,.0f", rows / seconds), state);
        lastRows = rows;
        lastNanos = now;
    }
}
