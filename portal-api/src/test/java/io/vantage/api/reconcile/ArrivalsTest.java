package io.vantage.api.reconcile;

import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vantage.api.cloud.MachineStateChanged;
import io.vantage.api.cloud.ProviderRegistry;
import io.vantage.api.command.CommandQueue;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.Network;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.InstanceState;

class ArrivalsTest {

    InstanceRepository instances = mock(InstanceRepository.class);
    ReconcileSnapshots snapshots = mock(ReconcileSnapshots.class);
    ProviderRegistry providers = mock(ProviderRegistry.class);
    CommandQueue commands = mock(CommandQueue.class);
    PortProbe probe = mock(PortProbe.class);
    Reconciler reconciler = mock(Reconciler.class);
    CloudProvider provider = mock(CloudProvider.class);
    Compute compute = mock(Compute.class);
    Instance instance = mock(Instance.class);
    Arrivals arrivals;

    @BeforeEach
    void setUp() {
        arrivals = new Arrivals(instances, snapshots, providers, commands, probe, reconciler,
                new ReconcileProperties(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(1),
                        Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(5), true, Duration.ofMillis(500)),
                mock(LockProvider.class));
        when(instance.getId()).thenReturn(7L);
        when(instances.findByStateIn(any())).thenReturn(List.of(instance));
        when(snapshots.load(7L)).thenReturn(Optional.of(new ReconcileSnapshots.Snapshot(1L, "vm-1", List.of(5901), null)));
        when(providers.find(1L)).thenReturn(Optional.of(provider));
        when(provider.compute()).thenReturn(compute);
        when(provider.network()).thenReturn(Network.ADDRESS_AND_PORT);
    }

    @AfterEach
    void tearDown() {
        arrivals.destroy();
    }

    @Test
    void aMachineTheCloudStillBuildsIsLeftToTheNextLook() {
        when(compute.get("vm-1")).thenReturn(machine(CloudState.BUILDING));
        arrivals.look();
        verify(probe, never()).isOpen(any(), any());
        verify(reconciler, never()).reconcile(any());
    }

    @Test
    void aRunningMachinesPortsAreProbedUntilTheyAnswerWithoutAskingTheCloudAgain() {
        when(compute.get("vm-1")).thenReturn(machine(CloudState.RUNNING));
        AtomicInteger probes = new AtomicInteger();
        when(probe.isOpen(any(), any())).thenAnswer(call -> probes.incrementAndGet() >= 4);

        arrivals.look();
        arrivals.look(); // a second look while probing starts nothing new

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> verify(reconciler).reconcile(List.of(7L)));
        verify(compute, times(1)).get("vm-1");
        verify(probe, atLeast(4)).isOpen(any(), any());
    }

    @Test
    void portsThatAnswerAtOnceMakeItActiveAtOnce() {
        when(compute.get("vm-1")).thenReturn(machine(CloudState.RUNNING));
        when(probe.isOpen(any(), any())).thenReturn(true);
        arrivals.look();
        verify(reconciler).reconcile(List.of(7L));
    }

    @Test
    void aProvidersWordThatAMachineChangedIsActedOnWithoutWaitingForTheNextLook() {
        when(compute.get("vm-1")).thenReturn(machine(CloudState.RUNNING));
        when(probe.isOpen(any(), any())).thenReturn(true);

        arrivals.on(new MachineStateChanged(1L, "vm-1")); // no tick runs in this test: only the event can look

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> verify(reconciler).reconcile(List.of(7L)));
    }

    @Test
    void anInstanceWithACommandInFlightBelongsToTheWorker() {
        when(commands.hasWork(7L)).thenReturn(true);
        arrivals.look();
        verify(providers, never()).find(any());
    }

    private static Optional<CloudInstance> machine(CloudState state) {
        return Optional.of(new CloudInstance("vm-1", "x", state, null, List.of("10.0.0.7"), Map.of(),
                StateMapperTest.NOW));
    }
}
