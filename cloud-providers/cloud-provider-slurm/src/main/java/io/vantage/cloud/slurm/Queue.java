package io.vantage.cloud.slurm;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of the pending jobs of the whole cluster (every user's), to tell a person where their job stands: its
 * place among the jobs waiting for the same partition, in the order Slurm considers them (priority, then age).
 */
final class Queue {

    record Place(int position, int waiting) {
    }

    private static final Comparator<SlurmJob> ORDER = Comparator.comparingLong(SlurmJob::priority).reversed()
            .thenComparing(SlurmJob::submitTime, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingLong(job -> parseId(job.id()));

    static final Queue UNKNOWN = new Queue(null);

    private final List<SlurmJob> pending;

    private Queue(List<SlurmJob> pending) {
        this.pending = pending;
    }

    static Queue of(List<SlurmJob> jobs) {
        return new Queue(jobs.stream().filter(SlurmJob::isPending).sorted(ORDER).toList());
    }

    Optional<Place> place(SlurmJob job) {
        if (pending == null || !job.isPending()) {
            return Optional.empty();
        }
        List<SlurmJob> same = pending.stream().filter(other -> Objects.equals(other.partition(), job.partition()))
                .toList();
        for (int i = 0; i < same.size(); i++) {
            if (same.get(i).id().equals(job.id())) {
                return Optional.of(new Place(i + 1, same.size()));
            }
        }
        return Optional.empty();
    }

    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
