package io.vantage.api.pool;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import io.vantage.api.cloud.CloudSnapshot;
import io.vantage.api.cloud.CloudSnapshotRepository;
import io.vantage.api.cloud.Resources;
import io.vantage.cloud.api.CloudLimits;
import io.vantage.domain.catalogue.Flavour;
import io.vantage.domain.catalogue.Plan;

/** What pools need from the database besides entities: the plan lock, the claim, and room on the cloud. */
@Repository
class PoolRepository {

    private final JdbcTemplate jdbc;
    private final CloudSnapshotRepository snapshots;

    PoolRepository(JdbcTemplate jdbc, CloudSnapshotRepository snapshots) {
        this.jdbc = jdbc;
        this.snapshots = snapshots;
    }

    /** Plans with a pool, and plans whose pool was removed but still holds machines. */
    List<Long> plansToKeep() {
        return jdbc.queryForList("""
                select plan_id from plan_pools
                union select distinct plan_id from instances where pooled and state <> 'DELETED'
                order by 1""", Long.class);
    }

    /** Until the transaction ends, nobody else keeps this plan's pool. */
    void lockPlan(Long planId) {
        jdbc.queryForList("select id from plans where id = ? for no key update", Long.class, planId);
    }

    /**
     * Locks and returns the oldest ready machine of the plan's pool that no other transaction holds: two launches
     * at once each get another machine, or one gets none and builds.
     */
    Optional<Long> claimReady(Long planId) {
        return jdbc.queryForList("""
                select id from instances
                where pooled and plan_id = ? and state = 'ACTIVE' and not delete_requested
                order by created_at, id limit 1
                for update skip locked""", Long.class, planId).stream().findFirst();
    }

    /**
     * Why one more machine of this plan does not fit the cloud, as launches decide it: the cloud's limits as last
     * read, what others use, and the portal's machines now (under the cloud's launch lock, held until commit).
     */
    Optional<String> noRoomFor(Plan plan) {
        Long providerId = plan.getImage().getProvider().getId();
        snapshots.lockForLaunch(providerId);
        Optional<CloudSnapshot> snapshot = snapshots.find(providerId).filter(s -> s.limits() != null);
        if (snapshot.isEmpty()) {
            return Optional.empty();
        }
        Resources used = snapshot.get().others().plus(snapshots.portalUse(providerId));
        CloudLimits limits = snapshot.get().limits();
        Flavour flavour = plan.getFlavour();
        return Optional.ofNullable(new CloudLimits(limits.maxInstances(), limits.maxVcpu(), limits.maxMemoryMib(),
                limits.maxGpu(), used.instances(), used.vcpu(), used.memoryMib(), used.gpu())
                .firstExceeded(flavour.getCpu(), flavour.getMemoryMib(), flavour.getGpu()));
    }
}
