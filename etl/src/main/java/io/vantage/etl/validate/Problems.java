package io.vantage.etl.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.vantage.etl.model.Problem;

/** Counts every problem, keeps the first few for the run's record and the summary. */
public final class Problems implements Consumer<Problem> {

    private final int keep;
    private final List<Problem> kept = new ArrayList<>();
    private long count;
    private boolean fatal;

    public Problems(int keep) {
        this.keep = Math.max(0, keep);
    }

    @Override
    public synchronized void accept(Problem problem) {
        count++;
        if (kept.size() < keep) {
            kept.add(problem);
        }
    }

    /** A problem that stops the run whatever the threshold (a source unreadable as a whole). */
    public synchronized void acceptFatal(Problem problem) {
        fatal = true;
        accept(problem);
    }

    public synchronized long count() {
        return count;
    }

    public synchronized boolean hasFatal() {
        return fatal;
    }

    public synchronized List<Problem> kept() {
        return List.copyOf(kept);
    }
}
