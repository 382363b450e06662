package io.vantage.api.cloud;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import io.vantage.cloud.api.CloudTransientException;

/**
 * Calls to clouds on threads of their own, so that whoever needs an answer (a request, a tunnel being opened) waits a
 * bounded time, {@code vantage.cloud.call-timeout} unless told otherwise, and a hanging cloud holds up only these
 * threads. A call that outlives the wait goes on; its answer is dropped.
 */
@Component
public class CloudCalls implements AutoCloseable {

    private final Duration callTimeout;
    private final ExecutorService threads;
    private final Map<Object, Future<?>> open = new ConcurrentHashMap<>();

    public CloudCalls(CloudProperties properties) {
        this.callTimeout = properties.callTimeout();
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "cloud-call-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public Duration callTimeout() {
        return callTimeout;
    }

    /** Runs a question whose answer nobody waits for (the background snapshots). */
    void run(Runnable task) {
        threads.execute(task);
    }

    /** The call's answer if it comes within {@code wait}, else a transient error saying the cloud did not answer. */
    public <T> T within(Duration wait, Callable<T> call) {
        return await(threads.submit(call), wait);
    }

    /**
     * The call's answer within the call timeout. Calls with an equal {@code key} made while one is still unanswered
     * wait for that one instead of asking again: a cloud that hangs holds one thread per question, not one per caller.
     */
    public <T> T shared(Object key, Callable<T> call) {
        FutureTask<T> mine = new FutureTask<>(call) {
            @Override
            protected void done() {
                open.remove(key, this);
            }
        };
        @SuppressWarnings("unchecked")
        Future<T> asked = (Future<T>) open.putIfAbsent(key, mine);
        if (asked == null) {
            asked = mine;
            try {
                threads.execute(mine);
            } catch (RuntimeException e) {
                open.remove(key, mine);
                throw e;
            }
        }
        return await(asked, callTimeout);
    }

    private static <T> T await(Future<T> answer, Duration wait) {
        try {
            return answer.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CloudTransientException("the cloud did not answer within " + (wait.toMillis() % 1000 == 0
                    ? wait.toSeconds() + " s" : wait.toMillis() + " ms"));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudTransientException("interrupted while waiting for the cloud", e);
        }
    }

    /** Called by Spring when the portal stops: calls still hanging are interrupted. */
    @Override
    public void close() {
        threads.shutdownNow();
    }
}
