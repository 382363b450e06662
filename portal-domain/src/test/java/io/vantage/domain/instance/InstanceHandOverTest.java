package io.vantage.domain.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import io.vantage.domain.user.User;

/** A pool machine belongs to nobody until a launch takes it while it is ready, and only once. */
@SuppressWarnings("unchecked")
class InstanceHandOverTest {

    static final Instant NOW = InstanceTransitionsTest.NOW;
    static final User ADA = new User("u1", "Ada", "Lovelace", "ada@example.org");

    static Instance readyPoolMachine() {
        Instance pooled = Instance.forPool("pool12345678", InstanceTransitionsTest.instanceIn(InstanceState.BUILDING)
                .getPlan(), "pool-secret", NOW.minusSeconds(600));
        pooled.markActive("10.0.0.9", NOW.minusSeconds(500));
        return pooled;
    }

    @Test
    void aPoolMachineHasNoMembersAndNoLifetimeAndRaisesNoLaunchEvent() {
        Instance pooled = Instance.forPool("pool12345678", InstanceTransitionsTest.instanceIn(InstanceState.BUILDING)
                .getPlan(), "pool-secret", NOW);
        assertThat(pooled.getPool().isWaiting()).isTrue();
        assertThat(pooled.getMembers()).isEmpty();
        assertThat(pooled.getTerminationDate()).isNull();
        assertThat(pooled.getAccessSecret()).isEqualTo("pool-secret");
        assertThat(pooled.getState()).isEqualTo(InstanceState.BUILDING);
        assertThat((List<?>) ReflectionTestUtils.invokeMethod(pooled, "domainEvents")).isEmpty();
    }

    @Test
    void handOverMakesItTheOwnersInstanceLaunchedNowAndKeepsThePoolSecretUntilConfirmed() {
        Instance pooled = readyPoolMachine();
        pooled.handOver("My analysis", ADA, List.of(), new Screen(1280, 800), "fr-fr-azerty", "owner-secret",
                "nonce-1", NOW);
        pooled.startLifetime(NOW.plusSeconds(3600), NOW); // what the expiry module does on the launch's event

        assertThat(pooled.getPool().isWaiting()).isFalse();
        assertThat(pooled.owner()).isEqualTo(ADA);
        assertThat(pooled.getName()).isEqualTo("My analysis");
        assertThat(pooled.getAccessSecret()).isEqualTo("owner-secret");
        assertThat(pooled.getPool().getPoolSecret()).isEqualTo("pool-secret");
        assertThat(pooled.getPool().getPoolNonce()).isEqualTo("nonce-1");
        assertThat(pooled.getCreatedAt()).isEqualTo(NOW);
        assertThat(pooled.getTerminationDate()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(pooled.getState()).isEqualTo(InstanceState.STARTING);
        assertThat((List<Object>) ReflectionTestUtils.invokeMethod(pooled, "domainEvents"))
                .contains(new InstanceHandedOver(null, "pool12345678", "u1", NOW));

        pooled.handedOver("10.0.0.9", NOW.plusSeconds(2));
        assertThat(pooled.getState()).isEqualTo(InstanceState.ACTIVE);
        assertThat(pooled.getPool().getPoolSecret()).isNull();
        assertThat(pooled.getPool().getPoolNonce()).isNull();
        assertThat(pooled.getPool().getHandedOverAt()).isEqualTo(NOW);
    }

    @Test
    void onlyAReadyPoolMachineCanBeHandedOverAndOnlyOnce() {
        Instance warming = Instance.forPool("pool12345678", InstanceTransitionsTest.instanceIn(InstanceState.BUILDING)
                .getPlan(), "pool-secret", NOW);
        assertThatThrownBy(() -> warming.handOver("x", ADA, List.of(), Screen.DEFAULT, "en-us-qwerty", "s", "n",
                NOW)).isInstanceOf(IllegalInstanceStateException.class);

        Instance pooled = readyPoolMachine();
        pooled.handOver("x", ADA, List.of(), Screen.DEFAULT, "en-us-qwerty", "s", "n", NOW);
        pooled.handedOver("10.0.0.9", NOW);
        assertThatThrownBy(() -> pooled.handOver("y", new User("u2", "B", "C", "b@example.org"), List.of(),
                Screen.DEFAULT, "en-us-qwerty", "s2", "n2", NOW)).isInstanceOf(IllegalInstanceStateException.class);

        Instance built = InstanceTransitionsTest.instanceIn(InstanceState.ACTIVE);
        assertThatThrownBy(() -> built.handOver("y", ADA, List.of(), Screen.DEFAULT, "en-us-qwerty", "s2", "n2",
                NOW)).isInstanceOf(IllegalInstanceStateException.class);
    }
}
