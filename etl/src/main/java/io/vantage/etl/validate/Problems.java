package io.vantage.etl.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import io.vantage.etl.model.Problem;

/** Counts every problem and keeps the first many for the run's record, listed fatal first, then by kind. */
public final class Problems implements Consumer<Problem> {

    /** Fatal problems first, then by kind in load order (problems about no kind last), then as found. */
    public static final Comparator<Problem> LISTED = Comparator.comparing((Problem p) -> !p.fatal())
            .thenComparing(p -> p.entity() == null ? Integer.MAX_VALUE : p.entity().ordinal());

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
        fatal |= problem.fatal();
        if (kept.size() < keep) {
            kept.add(problem);
        } else if (problem.fatal()) {
            // a fatal problem is the one that matters most: it takes the place of the last ordinary one kept
            for (int i = kept.size() - 1; i >= 0; i--) {
                if (!kept.get(i).fatal()) {
                    kept.set(i, problem);
                    break;
                }
            }
        }
    }

    public synchronized long count() {
        return count;
    }

    public synchronized boolean hasFatal() {
        return fatal;
    }

    /** The kept problems in listing order (a stable sort: problems of one kind stay in the order found). */
    public synchronized List<Problem> kept() {
        return kept.stream().sorted(LISTED).toList();
    }
}
