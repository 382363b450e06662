package io.vantage.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.domain.etl.EtlRun.Outcome;
import io.vantage.etl.run.ImportService;
import io.vantage.etl.run.RunRequest;
import io.vantage.etl.run.RunResult;

/**
 * Full import of a large synthetic user office and a rerun without changes, each against the raw COPY + merge of the
 * same files (the baseline, {@link RawCopyMerge}) measured in the same run; and a small subset imported both by the
 * ETL and by a naive JPA loop. All in one JVM on one fresh embedded PostgreSQL. Prints the figures.
 */
public final class EtlBenchmark {

    private EtlBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "target/bench-data");
        int subset = Integer.getInteger("bench.subset", 50);
        long t = System.nanoTime();
        Path full = DataGenerator.write(data.resolve("full"), 1, true);
        Path small = DataGenerator.write(data.resolve("subset"), subset, false);
        System.out.printf("Generated the data sets in %.1f s%n", seconds(t));

        SpringApplication application = new SpringApplication(BenchApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of("vantage.database.embedded.ephemeral", "true",
                "spring.jpa.open-in-view", "false", "vantage.etl.max-stored-errors", "20"));
        try (ConfigurableApplicationContext context = application.run()) {
            ImportService etl = context.getBean(ImportService.class);
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            NaiveJpaImport naive = new NaiveJpaImport(context.getBean(EntityManager.class),
                    new TransactionTemplate(context.getBean(PlatformTransactionManager.class)));
            resetPeakHeap();

            // warm-up, not measured: the first import in a JVM mostly measures class loading and the JIT
            empty(jdbc);
            timed(etl, small);
            empty(jdbc);
            RunResult bulkSubset = timed(etl, small);
            double bulkSubsetSeconds = bulkSubset.duration().toNanos() / 1e9;
            long subsetRows = bulkSubset.counts().values().stream().mapToLong(c -> c.inserted()).sum();
            empty(jdbc);
            t = System.nanoTime();
            long naiveRows = naive.run(small);
            double naiveSeconds = seconds(t);
            empty(jdbc);

            // the machine is shared: baseline and import alternate, round after round, and the medians are reported
            int rounds = Integer.getInteger("bench.rounds", 3);
            String loadBefore = load();
            RawCopyMerge raw = new RawCopyMerge(context.getBean(javax.sql.DataSource.class));
            raw.run(small);
            double[] rawFull = new double[rounds];
            double[] rawRerun = new double[rounds];
            double[] etlFull = new double[rounds];
            double[] etlRerun = new double[rounds];
            RunResult first = null;
            RunResult rerun = null;
            for (int round = 0; round < rounds; round++) {
                empty(jdbc);
                rawFull[round] = raw.run(full);
                rawRerun[round] = raw.run(full);
                empty(jdbc);
                first = timed(etl, full);
                rerun = timed(etl, full);
                etlFull[round] = first.duration().toNanos() / 1e9;
                etlRerun[round] = rerun.duration().toNanos() / 1e9;
                System.out.printf("Round %d: full %.2f s vs raw %.2f s (%.2fx), rerun %.2f s vs raw %.2f s (%.2fx),"
                        + " load %s%n", round + 1, etlFull[round], rawFull[round], etlFull[round] / rawFull[round],
                        etlRerun[round], rawRerun[round], etlRerun[round] / rawRerun[round], load());
            }
            long heap = peakHeap();
            String loadAfter = load();
            double fullRatio = median(ratios(etlFull, rawFull));
            double rerunRatio = median(ratios(etlRerun, rawRerun));

            System.out.println();
            System.out.printf("| measurement (median of %d rounds) | rows | time | rows/s | ETL / raw COPY + merge |%n",
                    rounds);
            System.out.println("|---|---:|---:|---:|---:|");
            long rows = first.counts().values().stream().mapToLong(c -> c.received()).sum();
            row("raw COPY + merge, empty database (baseline)", rows, median(rawFull), "1.00");
            row("full import (ETL, empty database)", rows, median(etlFull), String.format("**%.2f**", fullRatio));
            row("raw COPY + merge, no change (baseline)", rows, median(rawRerun), "1.00");
            row("rerun, no change (ETL)", rows, median(etlRerun), String.format("**%.2f**", rerunRatio));
            row("subset 1/" + subset + ": ETL", subsetRows, bulkSubsetSeconds, "");
            row("subset 1/" + subset + ": naive JPA loop (save per row)", naiveRows, naiveSeconds, "");
            System.out.println();
            System.out.printf("ETL vs naive JPA on the same subset: %.1fx faster%n", naiveSeconds / bulkSubsetSeconds);
            System.out.printf("Peak heap (sum of heap pools' peaks) over the whole run: %,d MiB (max heap %,d MiB)%n",
                    heap >> 20, Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("Load average (1, 5, 15 min) before the rounds: %s; after: %s; %d cores%n",
                    loadBefore, loadAfter, Runtime.getRuntime().availableProcessors());
            System.out.printf("Rerun: %s%n", rerun.message());
            System.out.printf("Targets: full <= 2x raw: %s, rerun <= 2x raw: %s, >= 10x naive: %s, heap < 1 GiB: %s%n",
                    ok(fullRatio <= 2), ok(rerunRatio <= 2), ok(naiveSeconds / bulkSubsetSeconds >= 10),
                    ok(heap < (1L << 30)));
        }
    }

    private static RunResult timed(ImportService etl, Path dir) {
        RunResult result = etl.run(new RunRequest(null, dir, null, null, false, null, "bench"));
        if (result.outcome() != Outcome.SUCCEEDED) {
            throw new IllegalStateException("Import of " + dir + " did not succeed: " + result.message() + " "
                    + result.problems());
        }
        return result;
    }

    private static void row(String name, long rows, double seconds, String ratio) {
        System.out.printf("| %s | %,d | %.2f s | %,.0f | %s |%n", name, rows, seconds, rows / seconds, ratio);
    }

    /** Empty user-office tables; the groups the data grants exist, as an admin would have made them. */
    private static void empty(JdbcTemplate jdbc) {
        jdbc.execute("truncate employers, users, user_roles, instruments, instrument_scientists, proposals,"
                + " experiments, experiment_users, etl_runs cascade");
        jdbc.update("insert into roles (name, kind) select 'GROUP_' || g, 'GROUP' from generate_series(0, 6) g"
                + " on conflict (name) do nothing");
        jdbc.execute("vacuum analyze employers, users, user_roles, instruments, instrument_scientists, proposals,"
                + " experiments, experiment_users");
    }

    private static double[] ratios(double[] etl, double[] raw) {
        double[] ratios = new double[etl.length];
        for (int i = 0; i < etl.length; i++) {
            ratios[i] = etl[i] / raw[i];
        }
        return ratios;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String load() {
        try {
            String[] parts = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static void resetPeakHeap() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String ok(boolean met) {
        return met ? "met" : "MISSED";
    }
}
