package io.vantage.api.admin;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

/** Counts and recent events for the admin dashboard (API and page), from {@link OverviewRepository}. */
@Service
public class OverviewQueries {

    public record Launch(String uid, String name, String state, String ownerId, String ownerName, Instant createdAt) {
    }

    public record Failure(Long commandId, String instanceUid, String type, String actorId, String message,
                   Instant finishedAt) {
    }

    /** What the orphan sweep did to one machine: deleted it, or held it back ({@code held}) and why. */
    public record Sweep(String machine, boolean held, String details, Instant at) {
    }

    private final OverviewRepository overview;

    OverviewQueries(OverviewRepository overview) {
        this.overview = overview;
    }

    /** The orphan sweep's last reports, newest first. */
    public List<Sweep> recentSweeps() {
        return overview.recentSweeps();
    }

    public Map<String, Long> byState() {
        return overview.byState();
    }

    public Map<String, Long> byProvider() {
        return overview.byProvider();
    }

    public Map<String, Long> byImage() {
        return overview.byImage();
    }

    public Map<String, Long> byFlavour() {
        return overview.byFlavour();
    }

    /** Machines of pre-warmed pools: {@code ready} (ACTIVE) and {@code warming} (on their way), all plans together. */
    public Map<String, Long> poolMachines() {
        return overview.poolMachines();
    }

    public long activeSessions() {
        return overview.activeSessions();
    }

    public List<Launch> recentLaunches() {
        return overview.recentLaunches();
    }

    public List<Failure> recentFailures() {
        return overview.recentFailures();
    }
}
