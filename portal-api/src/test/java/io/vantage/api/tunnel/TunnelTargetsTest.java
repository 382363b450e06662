package io.vantage.api.tunnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.api.cloud.CloudCalls;
import io.vantage.api.cloud.CloudProperties;
import io.vantage.api.cloud.ProviderRegistry;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.Endpoint;
import io.vantage.cloud.api.Network;
import io.vantage.domain.catalogue.Image;
import io.vantage.domain.catalogue.Plan;
import io.vantage.domain.catalogue.Protocol;
import io.vantage.domain.catalogue.ProtocolKind;
import io.vantage.domain.cloud.CloudProviderRecord;
import io.vantage.domain.instance.Instance;
import io.vantage.domain.instance.InstanceRepository;
import io.vantage.domain.instance.Screen;

/**
 * Opening a desktop or notebook asks the cloud where the machine is. A cloud that hangs must make the opening fail
 * with a message saying so once the call timeout is over, not hold the thread that opens it for as long as it hangs.
 */
class TunnelTargetsTest {

    /** The portal's call timeout, short here. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(1);
    /** Far beyond the call timeout, for a busy machine; a resolve that waits on the cloud itself never ends. */
    static final Duration BOUND = Duration.ofSeconds(60);

    final CloudCalls calls = new CloudCalls(new CloudProperties("test", CALL_TIMEOUT, Duration.ofSeconds(30),
            Map.of()));
    final Compute compute = mock(Compute.class);
    final CountDownLatch cloudHangs = new CountDownLatch(1);
    final TunnelTargets targets = targets();

    @AfterEach
    void stop() {
        cloudHangs.countDown();
        calls.close();
    }

    @Test
    void aHangingCloudMakesOpeningFailOnceTheCallTimeoutIsOverSayingTheCloudDoesNotAnswer() {
        when(compute.get("m-1")).thenAnswer(invocation -> hang());

        assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> targets.resolve(1L, ProtocolKind.VNC))
                .isInstanceOfSatisfying(TunnelTargets.CloudNotAnswering.class, e -> assertThat(e.getMessage())
                        .startsWith("The cloud does not answer").hasSizeLessThan(123)));
    }

    @Test
    void openingsWhileTheCloudHangsShareOneQuestionAndTheNextOneAfterItAnswersFindsTheMachine() {
        when(compute.get("m-1")).thenAnswer(invocation -> hang());

        for (int i = 0; i < 3; i++) {
            assertTimeoutPreemptively(BOUND, () -> assertThatThrownBy(() -> targets.resolve(1L, ProtocolKind.VNC))
                    .isInstanceOf(TunnelTargets.CloudNotAnswering.class));
        }
        verify(compute, times(1)).get("m-1"); // one cloud thread held, not one per opening

        cloudHangs.countDown(); // the cloud answers the open question; the next opening asks afresh
        await().atMost(BOUND).ignoreExceptionsInstanceOf(TunnelTargets.CloudNotAnswering.class)
                .until(() -> targets.resolve(1L, ProtocolKind.VNC).isPresent());
        TunnelTargets.Target target = targets.resolve(1L, ProtocolKind.VNC).orElseThrow();
        assertThat(target.endpoint()).isEqualTo(new Endpoint("10.0.0.5", 5901));
        assertThat(target.secret()).isEqualTo("vnc-secret");
    }

    @Test
    void aMachineTheCloudNoLongerHasIsNoTargetAndNoCloudProblem() {
        when(compute.get("m-1")).thenReturn(Optional.empty());

        assertThat(targets.resolve(1L, ProtocolKind.VNC)).isEmpty();
        assertThat(targets.resolve(1L, ProtocolKind.JUPYTER)).as("the image has no notebook").isEmpty();
    }

    private Optional<CloudInstance> hang() throws InterruptedException {
        cloudHangs.await();
        return Optional.of(new CloudInstance("m-1", "slow", CloudState.RUNNING, null, List.of("10.0.0.5"), Map.of(),
                Instant.now()));
    }

    private TunnelTargets targets() {
        CloudProvider provider = mock(CloudProvider.class);
        when(provider.name()).thenReturn("hanging-cloud");
        when(provider.compute()).thenReturn(compute);
        when(provider.network()).thenReturn(Network.ADDRESS_AND_PORT);
        ProviderRegistry providers = mock(ProviderRegistry.class);
        when(providers.require(7L)).thenReturn(provider);

        CloudProviderRecord record = mock(CloudProviderRecord.class);
        when(record.getId()).thenReturn(7L);
        Image image = mock(Image.class);
        when(image.getProtocols()).thenReturn(Set.of(new Protocol("vnc", ProtocolKind.VNC, 5901, false)));
        Plan plan = mock(Plan.class);
        when(plan.getImage()).thenReturn(image);
        Instance instance = mock(Instance.class);
        when(instance.getPlan()).thenReturn(plan);
        when(instance.getProvider()).thenReturn(record);
        when(instance.getComputeId()).thenReturn("m-1");
        when(instance.getAccessSecret()).thenReturn("vnc-secret");
        when(instance.getScreen()).thenReturn(new Screen(1280, 800));
        when(instance.getKeyboardLayout()).thenReturn("en-gb-qwerty");
        when(instance.getName()).thenReturn("Slow");
        InstanceRepository instances = mock(InstanceRepository.class);
        when(instances.findById(1L)).thenReturn(Optional.of(instance));

        TransactionTemplate tx = mock(TransactionTemplate.class);
        when(tx.execute(any())).thenAnswer(invocation ->
                invocation.<TransactionCallback<?>>getArgument(0).doInTransaction(null));
        return new TunnelTargets(instances, providers, mock(TunnelProperties.class), tx, calls);
    }
}
