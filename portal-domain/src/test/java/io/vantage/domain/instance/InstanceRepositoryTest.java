package io.vantage.domain.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.vantage.domain.DomainJpaTest;
import io.vantage.domain.Fixtures;
import io.vantage.domain.catalogue.Plan;
import io.vantage.domain.user.User;

@DomainJpaTest
class InstanceRepositoryTest {

    @Autowired
    EntityManager em;

    @Autowired
    InstanceRepository instances;

    Fixtures fixtures;
    Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @BeforeEach
    void setUp() {
        fixtures = new Fixtures(em);
    }

    @Test
    void visibleInstancesIncludeOwnedAndSharedButNotOthersOrDeleted() {
        Plan plan = fixtures.plan();
        User alice = fixtures.user("Alice");
        User bob = fixtures.user("Bob");
        User carol = fixtures.user("Carol");
        Instance owned = fixtures.instance(alice, plan, now);
        Instance sharedWithAlice = fixtures.instance(bob, plan, now.plusSeconds(60));
        sharedWithAlice.share(alice, MemberRole.GUEST, now);
        Instance carols = fixtures.instance(carol, plan, now);
        Instance deleted = fixtures.instance(alice, plan, now);
        deleted.requestDeleteBy("someone", now);
        deleted.markDeleted(now);
        em.flush();
        em.clear();

        assertThat(instances.findVisibleTo(alice.getId())).extracting(Instance::getUid)
                .containsExactly(sharedWithAlice.getUid(), owned.getUid());
        assertThat(instances.findOwnedBy(alice.getId())).extracting(Instance::getUid)
                .containsExactly(owned.getUid());
        assertThat(instances.findVisibleTo(carol.getId())).extracting(Instance::getUid)
                .containsExactly(carols.getUid());
    }

    @Test
    void membersAndStateSurviveARoundTrip() {
        Plan plan = fixtures.plan();
        User owner = fixtures.user("Owner");
        User helper = fixtures.user("Helper");
        Instance instance = fixtures.instance(owner, plan, now);
        instance.share(helper, MemberRole.SUPPORT, now);
        instance.markCreated("vm-1");
        instance.markStarting("booting", now);
        em.flush();
        em.clear();

        Instance loaded = instances.findByUid(instance.getUid()).orElseThrow();
        assertThat(loaded.getState()).isEqualTo(InstanceState.STARTING);
        assertThat(loaded.getStateReason()).isEqualTo("booting");
        assertThat(loaded.getComputeId()).isEqualTo("vm-1");
        assertThat(loaded.owner().getId()).isEqualTo(owner.getId());
        assertThat(loaded.roleOf(helper.getId())).contains(MemberRole.SUPPORT);
        assertThat(loaded.getProvider().getId()).isEqualTo(plan.getImage().getProvider().getId());
    }

    @Test
    void adminSearchFindsByOwnerNameAndFiltersByState() {
        Plan plan = fixtures.plan();
        User owner = fixtures.user("Zimmermann");
        Instance instance = fixtures.instance(owner, plan, now);
        fixtures.instance(fixtures.user("Other"), plan, now);
        em.flush();

        var page = instances.search(InstanceState.BUILDING, null, "zimmer", org.springframework.data.domain.PageRequest.of(0, 10));
        assertThat(page.getContent()).extracting(Instance::getUid).containsExactly(instance.getUid());
        assertThat(instances.search(InstanceState.ACTIVE, null, "zimmer",
                org.springframework.data.domain.PageRequest.of(0, 10)).getContent()).isEmpty();
    }
}
