package io.vantage.cloud.openstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudTransientException;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.InstanceMetadata;
import io.vantage.cloud.api.ProviderContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The provider against the stateful fake: the fake answers as openstack4j expects, and a lost answer is found again. */
class StatefulOpenStackTest {

    final StatefulOpenStack cloud = new StatefulOpenStack();

    @AfterEach
    void stop() {
        cloud.close();
    }

    CloudProvider provider() {
        return new OpenStackProviderFactory().create("stateful", new TestSettings().authUrl(cloud.authUrl())
                .region("RegionOne").networks(List.of()).build(),
                new ProviderContext(FakeOpenStack.DEPLOYMENT, Clock.systemUTC(), Duration.ofSeconds(5)));
    }

    static CreateInstanceRequest request(String uid) {
        return new CreateInstanceRequest("vantage-" + uid, StatefulOpenStack.IMAGE_ID, "m1.medium", List.of(),
                List.of(), new InstanceMetadata(FakeOpenStack.DEPLOYMENT, uid, "alice", List.of(), 1280, 800,
                "en-gb-qwerty", "s3cret-s3cret"), null);
    }

    @Test
    void aCreateWhoseAnswerIsLostLeavesAServerThatIsFoundByItsInstance() {
        CloudProvider provider = provider();
        cloud.loseCreateAnswers(1);
        assertThatThrownBy(() -> provider.compute().create(request("lostanswer01")))
                .isInstanceOf(CloudTransientException.class);
        assertThat(cloud.servers()).hasSize(1);

        CloudInstance found = provider.compute().findByInstanceUid("lostanswer01").orElseThrow();
        assertThat(found.computeId()).isEqualTo(cloud.servers().get(0).id());
        assertThat(found.tags()).doesNotContainKey("vantage-secret");
        assertThat(provider.compute().findByInstanceUid("lostanswer02")).isEmpty();

        cloud.quotas(3, 10, -1);
        assertThat(provider.limits().limits().usedInstances()).isEqualTo(1);
        assertThat(provider.limits().limits().usedVcpu()).isEqualTo(2);
        assertThat(provider.limits().limits().maxInstances()).isEqualTo(3);
        provider.compute().delete(found.computeId());
        assertThat(cloud.servers()).isEmpty();
        assertThat(provider.catalogue().flavours()).hasSize(2);
        assertThat(provider.catalogue().images()).hasSize(1);
    }
}
