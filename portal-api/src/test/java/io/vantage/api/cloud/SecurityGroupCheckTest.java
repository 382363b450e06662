package io.vantage.api.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vantage.api.error.FieldException;
import io.vantage.cloud.api.Catalogue;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudSecurityGroup;
import io.vantage.cloud.api.CloudTransientException;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.Limits;
import io.vantage.cloud.api.Network;
import io.vantage.cloud.api.ProviderHealth;
import io.vantage.cloud.api.SecurityGroups;

class SecurityGroupCheckTest {

    /** The portal's call timeout, short here: a cloud that hangs is waited for this long. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(1);

    final CloudCalls calls = new CloudCalls(new CloudProperties("test", CALL_TIMEOUT, Duration.ofSeconds(30),
            Map.of()));

    @AfterEach
    void stop() {
        calls.close();
    }

    @Test
    void aGroupTheCloudHasIsAcceptedWithoutWarning() {
        SecurityGroups groups = () -> List.of(new CloudSecurityGroup("a1", "default", ""),
                new CloudSecurityGroup("b2", "jupyter", "8888 from the portal"));
        assertThat(SecurityGroupCheck.verify("jupyter", () -> cloud(groups), calls)).isEmpty();
        assertThat(SecurityGroupCheck.verify("b2", () -> cloud(groups), calls)).as("by id too").isEmpty();
    }

    @Test
    void aGroupTheCloudDoesNotHaveIsRefusedNamingWhatItHas() {
        SecurityGroups groups = () -> List.of(new CloudSecurityGroup("a1", "default", ""),
                new CloudSecurityGroup("b2", "jupyter", ""));
        assertThatThrownBy(() -> SecurityGroupCheck.verify("ssh", () -> cloud(groups), calls))
                .isInstanceOfSatisfying(FieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.getMessage()).contains("'ssh'").contains("default, jupyter");
                });
    }

    @Test
    void aCloudThatDoesNotAnswerGivesAWarningInstead() {
        SecurityGroups failing = () -> {
            throw new CloudTransientException("Connection refused", null);
        };
        assertThat(SecurityGroupCheck.verify("ssh", () -> cloud(failing), calls)).get().asString()
                .contains("did not answer").contains("Connection refused");
        assertThat(SecurityGroupCheck.verify("ssh", () -> {
            throw new ProviderUnavailableException("Cloud provider 'x' is disabled");
        }, calls)).get().asString().contains("disabled");
    }

    @Test
    void aCloudThatHangsGivesAWarningOnceTheCallTimeoutIsOverInsteadOfFreezingTheRequest() throws Exception {
        CountDownLatch hanging = new CountDownLatch(1);
        CountDownLatch asked = new CountDownLatch(1);
        SecurityGroups hangs = () -> {
            asked.countDown();
            try {
                hanging.await(); // a cloud that never answers (until the test ends)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(new CloudSecurityGroup("a1", "ssh", ""));
        };
        try {
            Optional<String> warning = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> SecurityGroupCheck.verify("ssh", () -> cloud(hangs), calls),
                    "the check waits for the call timeout, not for the cloud");
            assertThat(asked.await(60, TimeUnit.SECONDS)).as("the cloud was asked").isTrue();
            assertThat(warning).get().asString().contains("Not checked against the cloud, which did not answer")
                    .contains("did not answer within 1 s");
        } finally {
            hanging.countDown();
        }
    }

    @Test
    void aCloudWithoutSecurityGroupsGivesAWarning() {
        assertThat(SecurityGroupCheck.verify("ssh", () -> cloud(SecurityGroups.NONE), calls)).get().asString()
                .contains("has no security groups");
    }

    private static CloudProvider cloud(SecurityGroups groups) {
        return new CloudProvider() {
            @Override
            public String name() {
                return "test-cloud";
            }

            @Override
            public String type() {
                return "test";
            }

            @Override
            public Compute compute() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Catalogue catalogue() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Limits limits() {
                throw new UnsupportedOperationException();
            }

            @Override
            public SecurityGroups securityGroups() {
                return groups;
            }

            @Override
            public Network network() {
                throw new UnsupportedOperationException();
            }

            @Override
            public ProviderHealth checkHealth() {
                return ProviderHealth.up(java.time.Duration.ZERO);
            }
        };
    }
}
