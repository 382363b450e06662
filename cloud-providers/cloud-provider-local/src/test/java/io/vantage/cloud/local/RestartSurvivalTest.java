package io.vantage.cloud.local;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Endpoint;
import io.vantage.cloud.api.Tags;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RestartSurvivalTest extends LocalProviderTestSupport {

    @Test
    void aProviderRecreatedOnTheWorkDirFindsTheRunningInstance() throws Exception {
        CloudProvider first = provider();
        String secret = newSecret();
        String computeId = first.compute().create(request("desktop", "uid-survivor", secret)).computeId();
        awaitState(first, computeId, CloudState.RUNNING);
        List<ProcessRecord> processes = processes(computeId);
        InstanceUser user = record(computeId).user();
        first.close();

        CloudProvider second = provider(DEPLOYMENT, settings());
        assertThat(second.compute().list()).singleElement().satisfies(instance -> {
            assertThat(instance.computeId()).isEqualTo(computeId);
            assertThat(instance.state()).isEqualTo(CloudState.RUNNING);
            assertThat(instance.tags()).containsEntry(Tags.DEPLOYMENT, DEPLOYMENT)
                    .containsEntry(Tags.INSTANCE, "uid-survivor").containsEntry(Tags.OWNER, "alice");
        });
        assertThat(processes).allMatch(ProcessTree::isAlive);
        CloudInstance found = second.compute().get(computeId).orElseThrow();
        Endpoint vnc = second.network().endpoint(found, 5901).orElseThrow();
        assertThat(VncClient.authenticate(vnc, secret).authenticated()).isTrue();

        second.compute().delete(computeId);
        assertThat(processes).noneMatch(ProcessTree::isAlive);
        assertThat(second.compute().list()).isEmpty();
        if (user != null) { // a root portal: the user found again from the record is gone with the instance
            assertThat(UserAccounts.lookup(user.name())).isEmpty();
            assertThat(UserProcesses.of(user.uid())).isEmpty();
        }
    }

    @Test
    void listGetAndDeleteSeeOnlyTheirOwnDeployment() {
        CloudProvider ours = provider();
        CloudProvider theirs = provider("other-deployment", settings());
        String mine = ours.compute().create(request("desktop", DEPLOYMENT, "uid-mine", newSecret())).computeId();
        String other = theirs.compute()
                .create(request("desktop", "other-deployment", "uid-theirs", newSecret())).computeId();
        awaitState(ours, mine, CloudState.RUNNING);
        awaitState(theirs, other, CloudState.RUNNING);

        assertThat(ours.compute().list()).extracting(CloudInstance::computeId).containsExactly(mine);
        assertThat(theirs.compute().list()).extracting(CloudInstance::computeId).containsExactly(other);
        assertThat(ours.compute().get(other)).isEmpty();

        ours.compute().delete(other); // not ours: must not touch it
        assertThat(processes(other)).isNotEmpty().allMatch(ProcessTree::isAlive);
        assertThat(theirs.compute().get(other).orElseThrow().state()).isEqualTo(CloudState.RUNNING);
    }
}
