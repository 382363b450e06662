package io.vantage.api.launch;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.vantage.api.cloud.CloudSnapshot;
import io.vantage.api.cloud.CloudSnapshotRepository;
import io.vantage.api.cloud.Resources;
import io.vantage.api.error.ConflictException;
import io.vantage.cloud.api.CloudLimits;
import io.vantage.domain.catalogue.Flavour;
import io.vantage.domain.catalogue.Plan;

/**
 * Room on the cloud, decided from the database: the cloud's limits as last read in the background, what others use
 * in the same project as of then, and the portal's own instances as they are now, those still being created
 * included. Launches on one cloud take a lock for this, so a burst never overshoots. A cloud whose limits were
 * never read is not a reason to refuse (the cloud itself will answer).
 */
@Component
class CloudCapacity {

    private final CloudSnapshotRepository snapshots;

    CloudCapacity(CloudSnapshotRepository snapshots) {
        this.snapshots = snapshots;
    }

    /** One resource the launch would exceed. */
    record Exceeded(String resource, String label, int used, int max, int requested) {
    }

    /** Whether one more instance of this plan fits (a dry run: nothing is locked or reserved). */
    void check(Plan plan) {
        check(plan, Resources.NONE);
    }

    /**
     * Called in the launch's transaction after the new instance is recorded: takes the cloud's launch lock (held
     * until the transaction ends), then checks that the portal's instances, the new one among them, fit with what
     * others use; throws, so that the launch rolls back, when they do not.
     */
    void reserve(Plan plan) {
        snapshots.lockForLaunch(plan.getImage().getProvider().getId());
        check(plan, new Resources(1, plan.getFlavour().getCpu(), plan.getFlavour().getMemoryMib(),
                plan.getFlavour().getGpu()));
    }

    /** {@code alreadyCounted}: the part of the portal's use that is the launch being checked. */
    private void check(Plan plan, Resources alreadyCounted) {
        Long providerId = plan.getImage().getProvider().getId();
        Optional<CloudSnapshot> snapshot = snapshots.find(providerId).filter(s -> s.limits() != null);
        if (snapshot.isEmpty()) {
            return;
        }
        Resources portal = snapshots.portalUse(providerId).minus(alreadyCounted);
        Resources used = snapshot.get().others().plus(portal);
        Exceeded exceeded = exceeded(snapshot.get().limits(), used, plan.getFlavour());
        if (exceeded != null) {
            throw refusal(plan.getImage().getProvider().getName(), providerId, exceeded, portal, snapshot.get());
        }
    }

    static Exceeded exceeded(CloudLimits limits, Resources used, Flavour flavour) {
        if (limits.maxInstances() != null && used.instances() + 1 > limits.maxInstances()) {
            return new Exceeded("instances", "machines", used.instances(), limits.maxInstances(), 1);
        }
        if (limits.maxVcpu() != null && used.vcpu() + flavour.getCpu() > limits.maxVcpu()) {
            return new Exceeded("vcpu", "vCPUs", used.vcpu(), limits.maxVcpu(), flavour.getCpu());
        }
        if (limits.maxMemoryMib() != null && used.memoryMib() + flavour.getMemoryMib() > limits.maxMemoryMib()) {
            return new Exceeded("memoryMib", "MiB of memory", used.memoryMib(), limits.maxMemoryMib(),
                    flavour.getMemoryMib());
        }
        if (flavour.getGpu() > 0 && limits.maxGpu() != null && used.gpu() + flavour.getGpu() > limits.maxGpu()) {
            return new Exceeded("gpu", "GPUs", used.gpu(), limits.maxGpu(), flavour.getGpu());
        }
        return null;
    }

    private ConflictException refusal(String cloud, Long providerId, Exceeded exceeded, Resources portal,
                                      CloudSnapshot snapshot) {
        Optional<Instant> next = snapshots.nextPlannedDeletion(providerId);
        int deleting = snapshots.beingDeleted(providerId);
        String what = exceeded.resource().equals("instances")
                ? "no room for another machine: " + exceeded.used() + " of " + exceeded.max() + " machines in use"
                : "not enough " + exceeded.label() + ": " + exceeded.used() + " of " + exceeded.max() + " in use, "
                        + exceeded.requested() + " requested";
        String when = deleting > 0 ? " Room is expected within minutes: " + deleting + " instance(s) are being deleted."
                : next.map(at -> " Room is expected when an instance is deleted; the next planned deletion is "
                        + inAbout(at) + " (" + at + "), or sooner if someone deletes one.")
                .orElse(" Room is expected only when someone deletes an instance.");
        String smaller = exceeded.resource().equals("instances") ? "" : " A smaller size may fit now.";
        Map<String, Object> details = new HashMap<>();
        details.put("limit", exceeded.resource());
        details.put("used", exceeded.used());
        details.put("max", exceeded.max());
        details.put("requested", exceeded.requested());
        details.put("portalInstances", portal.instances());
        details.put("limitsReadAt", snapshot.limitsAt());
        next.ifPresent(at -> details.put("roomExpectedBy", at));
        return new ConflictException(HttpStatus.CONFLICT, "Cloud capacity reached", "The cloud '" + cloud + "' has "
                + what + "." + smaller + when, details);
    }

    /** "in 3 hours", as the pages say it. */
    static String inAbout(Instant at) {
        Duration d = Duration.between(Instant.now(), at);
        if (d.isNegative()) {
            return "due now";
        }
        return d.toDays() >= 2 ? "in " + d.toDays() + " days" : d.toHours() >= 2 ? "in " + d.toHours() + " hours"
                : "in " + Math.max(1, d.toMinutes()) + " minutes";
    }
}
