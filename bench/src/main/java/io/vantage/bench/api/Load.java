package io.vantage.bench.api;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/** Runs requests from many concurrent clients for a while and reports latency percentiles and throughput. */
final class Load {

    record Result(String name, long requests, long errors, double seconds, long p50, long p95, long p99) {
        double perSecond() {
            return requests / seconds;
        }
    }

    private Load() {
    }

    /**
     * {@code request} builds the i-th request; a response outside 2xx counts as an error. With a zero
     * {@code interval} every client sends its next request as soon as the last one is answered (the portal's
     * capacity); otherwise every client sends one request per interval, on a fixed schedule, and latency is counted
     * from when the request was due, so a stalled portal cannot hide its queue (no coordinated omission).
     */
    static Result run(String name, HttpClient http, int clients, Duration duration, Duration interval,
                      IntFunction<HttpRequest> request) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<long[]> samples = new ArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        long end = System.nanoTime() + duration.toNanos();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            long[] mine = new long[200_000];
            samples.add(mine);
            long offset = interval.toNanos() * c / clients; // spread the clients over the interval
            pool.submit(() -> {
                int n = 0;
                long due = started + offset;
                while (System.nanoTime() < end && n < mine.length - 1) {
                    long t0 = System.nanoTime();
                    if (!interval.isZero()) {
                        if (due > t0) {
                            Thread.sleep((due - t0) / 1_000_000, (int) ((due - t0) % 1_000_000));
                        }
                        t0 = due;
                        due += interval.toNanos();
                    }
                    try {
                        HttpResponse<Void> response = http.send(request.apply((int) sequence.incrementAndGet()),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() / 100 != 2) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    mine[n++] = System.nanoTime() - t0;
                }
                mine[mine.length - 1] = n;
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - started) / 1e9;
        long total = samples.stream().mapToLong(s -> s[s.length - 1]).sum();
        long[] all = new long[(int) total];
        int k = 0;
        for (long[] s : samples) {
            int count = (int) s[s.length - 1];
            System.arraycopy(s, 0, all, k, count);
            k += count;
        }
        Arrays.sort(all);
        return new Result(name, total, errors.get(), seconds, percentile(all, 50), percentile(all, 95), percentile(all, 99));
    }

    private static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
