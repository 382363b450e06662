package io.vantage.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.vantage.api.cloud.ProviderUnavailableException;
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

    @Test
    void aGroupTheCloudHasIsAcceptedWithoutWarning() {
        SecurityGroups groups = () -> List.of(new CloudSecurityGroup("a1", "default", ""),
                new CloudSecurityGroup("b2", "jupyter", "8888 from the portal"));
        assertThat(SecurityGroupCheck.verify("jupyter", () -> cloud(groups))).isEmpty();
        assertThat(SecurityGroupCheck.verify("b2", () -> cloud(groups))).as("by id too").isEmpty();
    }

    @Test
    void aGroupTheCloudDoesNotHaveIsRefusedNamingWhatItHas() {
        SecurityGroups groups = () -> List.of(new CloudSecurityGroup("a1", "default", ""),
                new CloudSecurityGroup("b2", "jupyter", ""));
        assertThatThrownBy(() -> SecurityGroupCheck.verify("ssh", () -> cloud(groups)))
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
        assertThat(SecurityGroupCheck.verify("ssh", () -> cloud(failing))).get().asString()
                .contains("did not answer").contains("Connection refused");
        assertThat(SecurityGroupCheck.verify("ssh", () -> {
            throw new ProviderUnavailableException("Cloud provider 'x' is disabled");
        })).get().asString().contains("disabled");
    }

    @Test
    void aCloudWithoutSecurityGroupsGivesAWarning() {
        assertThat(SecurityGroupCheck.verify("ssh", () -> cloud(SecurityGroups.NONE))).get().asString()
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
