package io.vantage.api.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.api.cloud.ProviderRegistry;
import io.vantage.api.command.CommandQueue;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.CloudTransientException;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.Network;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.InstanceState;

class ReconcilerTest {

    InstanceRepository instances = mock(InstanceRepository.class);
    ReconcileSnapshots snapshots = mock(ReconcileSnapshots.class);
    ProviderRegistry providers = mock(ProviderRegistry.class);
    CommandQueue commands = mock(CommandQueue.class);
    PortProbe probe = mock(PortProbe.class);
    CloudProvider provider = mock(CloudProvider.class);
    Compute compute = mock(Compute.class);
    Instance instance = StateMapperTest.instance(InstanceState.ACTIVE);
    Reconciler reconciler;

    @BeforeEach
    void setUp() {
        PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
        when(transactions.getTransaction(any())).thenReturn(new SimpleTransactionStatus());
        reconciler = new Reconciler(instances, snapshots, providers, commands, probe,
                new ReconcileProperties(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(1),
                        Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(5), true, Duration.ofMillis(500)),
                new TransactionTemplate(transactions), Clock.fixed(StateMapperTest.NOW, ZoneOffset.UTC),
                new SimpleMeterRegistry());
        when(snapshots.load(7L)).thenReturn(Optional.of(new ReconcileSnapshots.Snapshot(1L, "vm-1", List.of(5901), null)));
        when(providers.find(1L)).thenReturn(Optional.of(provider));
        when(provider.compute()).thenReturn(compute);
        when(provider.network()).thenReturn(Network.ADDRESS_AND_PORT);
        when(instances.findById(7L)).thenReturn(Optional.of(instance));
    }

    @Test
    void aCloudThatCannotBeReachedChangesNoStateButSaysSo() {
        when(compute.get("vm-1")).thenThrow(new CloudTransientException("Keystone timed out"));
        reconciler.reconcile(List.of(7L));
        assertThat(instance.getState()).isEqualTo(InstanceState.ACTIVE);
        assertThat(instance.getStateReason()).contains("cannot be reached").contains("Keystone timed out");
    }

    @Test
    void whatTheCloudReportsReachesTheInstance() {
        when(compute.get("vm-1")).thenReturn(Optional.of(new CloudInstance("vm-1", "x", CloudState.STOPPED, null,
                List.of("10.0.0.7"), Map.of(), StateMapperTest.NOW)));
        reconciler.reconcile(List.of(7L));
        assertThat(instance.getState()).isEqualTo(InstanceState.STOPPED);
    }

    @Test
    void activeOnlyWhenTheImagesPortsAnswer() {
        when(compute.get("vm-1")).thenReturn(Optional.of(new CloudInstance("vm-1", "x", CloudState.RUNNING, null,
                List.of("10.0.0.7"), Map.of(), StateMapperTest.NOW)));
        when(probe.isOpen(any(), any())).thenReturn(false);
        reconciler.reconcile(List.of(7L));
        assertThat(instance.getState()).isEqualTo(InstanceState.STARTING);
        when(probe.isOpen(any(), any())).thenReturn(true);
        reconciler.reconcile(List.of(7L));
        assertThat(instance.getState()).isEqualTo(InstanceState.ACTIVE);
    }

    @Test
    void anInstanceWithACommandInFlightBelongsToTheWorker() {
        when(commands.hasWork(7L)).thenReturn(true);
        reconciler.reconcile(List.of(7L));
        verify(providers, never()).find(any());
    }
}
