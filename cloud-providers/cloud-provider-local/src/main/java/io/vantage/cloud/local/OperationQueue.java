package io.vantage.cloud.local;

import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.CloudTransientException;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs the operations of one instance strictly one after another (a stop waits for the launch before it), while
 * different instances proceed in parallel. Remembers the state to show for the latest request until it is done,
 * and lets a running operation see that a later request has made it moot.
 */
final class OperationQueue implements AutoCloseable {

    private record Pending(CloudState showing, long sequence) {
    }

    private final ExecutorService pool;
    private final Map<String, CompletableFuture<Void>> tails = new HashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    /** Told the compute id whenever an instance's last requested operation is done (its state settled). */
    private volatile Consumer<String> settled = computeId -> { };

    OperationQueue() {
        AtomicLong threads = new AtomicLong();
        this.pool = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "local-instance-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * @param showing the state {@code get} reports until this operation (or a later one) is done
     * @param task    receives "has a later request arrived?"
     */
    synchronized CompletableFuture<Void> submit(String computeId, CloudState showing,
                                                Consumer<BooleanSupplier> task) {
        if (pool.isShutdown()) {
            throw new CloudTransientException("The local provider is closed");
        }
        Pending mine = new Pending(showing, sequence.incrementAndGet());
        pending.put(computeId, mine);
        BooleanSupplier superseded = () -> pending.get(computeId) != mine;
        CompletableFuture<Void> previous = tails.getOrDefault(computeId, CompletableFuture.completedFuture(null));
        CompletableFuture<Void> next = previous.exceptionally(failure -> null).thenRunAsync(() -> {
            try {
                task.accept(superseded);
            } finally {
                if (pending.remove(computeId, mine)) {
                    tell(computeId);
                }
            }
        }, pool);
        tails.put(computeId, next);
        next.whenComplete((ignored, failure) -> forget(computeId, next));
        return next;
    }

    void onSettled(Consumer<String> listener) {
        settled = listener;
    }

    private void tell(String computeId) {
        try {
            settled.accept(computeId);
        } catch (RuntimeException e) {
            // the listener's business: the portal polls anyway
        }
    }

    Optional<CloudState> showing(String computeId) {
        return Optional.ofNullable(pending.get(computeId)).map(Pending::showing);
    }

    private synchronized void forget(String computeId, CompletableFuture<Void> done) {
        tails.remove(computeId, done);
    }

    /** Lets running launches finish briefly; instances themselves keep running for the next portal. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                // interrupted launches end the processes they started and record why
                pool.shutdownNow();
                pool.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
