package io.vantage.cloud.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vantage.cloud.api.Capability;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.TimeLimits;

/**
 * The job's time limit is the instance's lifetime: shortening is every user's right, lengthening (an extension)
 * needs an operator's token, which can also run each person's jobs as their own user, charged to their proposal.
 */
class TimeLimitIT {

    private static SlurmCluster cluster;
    private final String deployment = "it-" + UUID.randomUUID();
    private CloudProvider provider;

    @BeforeAll
    static void cluster() {
        cluster = SlurmCluster.require();
    }

    @AfterEach
    void cancelLeftovers() {
        if (provider != null) {
            provider.compute().list().forEach(job -> provider.compute().delete(job.computeId()));
        }
    }

    @Test
    void userTokenShortensTheTimeLimitButOnlyAnOperatorLengthensIt() {
        TestSettings settings = TestSettings.against(cluster);
        settings.timeLimit = Duration.ofHours(2);
        provider = cluster.provider(settings.build(), deployment);
        assertThat(provider.capabilities()).containsExactly(Capability.TIME_LIMIT);
        TimeLimits limits = provider.timeLimits().orElseThrow();
        String jobId = provider.compute().create(Requests.of(deployment, "desktop", "small")).computeId();
        assertThat(cluster.squeue(jobId).split(" ")[3]).isEqualTo("2:00:00");
        Jobs.await(provider.compute(), jobId, CloudState.RUNNING);

        Instant end = limits.setEnd(jobId, Instant.now().plus(Duration.ofMinutes(45)));
        assertThat(end).isBetween(Instant.now().plus(Duration.ofMinutes(44)), Instant.now().plus(Duration.ofMinutes(47)));
        assertThat(cluster.squeue(jobId).split(" ")[3]).isIn("45:00", "46:00");

        assertThatThrownBy(() -> limits.setEnd(jobId, Instant.now().plus(Duration.ofHours(3))))
                .isInstanceOf(CloudPermanentException.class).hasMessageContaining("only operators");
        assertThat(limits.end(jobId)).as("the end the refused job keeps").hasValue(end);

        TestSettings operator = TestSettings.against(cluster);
        operator.userName = "slurm";
        operator.tokenFile = cluster.adminTokenFile();
        CloudProvider asOperator = cluster.provider(operator.build(), deployment);
        asOperator.timeLimits().orElseThrow().setEnd(jobId, Instant.now().plus(Duration.ofHours(3)));
        assertThat(cluster.squeue(jobId).split(" ")[3]).matches("3:0[01]:00");
    }

    @Test
    void operatorTokenRunsTheJobAsItsOwnerChargedToTheProposal() {
        TestSettings settings = TestSettings.against(cluster);
        settings.userName = "slurm";
        settings.tokenFile = cluster.adminTokenFile();
        settings.jobUser = "{owner}";
        settings.accountFromProposal = true;
        settings.accountPattern = "p{proposal}";
        provider = cluster.provider(settings.build(), deployment);

        String jobId = provider.compute().create(Requests.of(deployment, "desktop", "small", cluster.secondUser(),
                List.of("4711", "4712"))).computeId();

        String[] job = cluster.squeue(jobId).split(" ");
        assertThat(job[1]).isEqualTo(cluster.secondUser());
        assertThat(job[2]).isEqualTo("p4711");
        Jobs.await(provider.compute(), jobId, CloudState.RUNNING);
    }
}
