package io.vantage.api.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Tags;

class OrphansTest {

    static final Instant NEWEST = Instant.parse("2026-01-10T10:00:00Z");

    static CloudInstance machine(String id, String uid, Instant created) {
        return new CloudInstance(id, "vantage-" + uid, CloudState.RUNNING, null, List.of(),
                Map.of(Tags.DEPLOYMENT, "d", Tags.INSTANCE, uid), created);
    }

    static Orphans.Verdict verdict(CloudInstance machine, Orphans.Known known) {
        return Orphans.decide(machine, known, NEWEST).verdict();
    }

    @Test
    void machinesOfDeletedOrFailedInstancesGoAndThoseOfLiveOnesStay() {
        CloudInstance m = machine("m1", "u1", NEWEST.minusSeconds(60));
        assertThat(verdict(m, new Orphans.Known("u1", "DELETED", "m1"))).isEqualTo(Orphans.Verdict.DELETE);
        assertThat(verdict(m, new Orphans.Known("u1", "ERROR", null))).isEqualTo(Orphans.Verdict.DELETE);
        assertThat(verdict(m, new Orphans.Known("u1", "ERROR", "m1"))).isEqualTo(Orphans.Verdict.KEEP);
        assertThat(verdict(m, new Orphans.Known("u1", "BUILDING", null)))
                .as("a create whose answer was lost: the worker adopts it").isEqualTo(Orphans.Verdict.KEEP);
        assertThat(verdict(m, new Orphans.Known("u1", "ACTIVE", "m1"))).isEqualTo(Orphans.Verdict.KEEP);
        assertThat(verdict(m, new Orphans.Known("u1", "ACTIVE", "m0"))).isEqualTo(Orphans.Verdict.DELETE);
    }

    @Test
    void aMachineUnknownToTheDatabaseGoesOnlyWhenOlderThanItsNewestRecord() {
        assertThat(verdict(machine("m1", "u9", NEWEST.minusSeconds(1)), null)).isEqualTo(Orphans.Verdict.DELETE);
        Orphans.Decision newer = Orphans.decide(machine("m2", "u9", NEWEST.plusSeconds(1)), null, NEWEST);
        assertThat(newer.verdict()).isEqualTo(Orphans.Verdict.HOLD);
        assertThat(newer.reason()).contains("restored from a backup");
        assertThat(verdict(machine("m3", "u9", null), null)).as("no creation time: cannot be proven older")
                .isEqualTo(Orphans.Verdict.HOLD);
        assertThat(Orphans.decide(machine("m4", "u9", NEWEST), null, null).verdict())
                .as("an empty database holds everything").isEqualTo(Orphans.Verdict.HOLD);
    }
}
