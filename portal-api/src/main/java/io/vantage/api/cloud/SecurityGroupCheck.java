package io.vantage.api.cloud;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.vantage.api.error.FieldException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderException;
import io.vantage.cloud.api.CloudSecurityGroup;
import io.vantage.cloud.api.SecurityGroups;

/**
 * A security group must exist in the cloud to be attached, so its name is checked there when the cloud answers.
 * When it cannot be asked, does not answer within the call timeout, or has no security groups at all, the group is
 * accepted with a warning: an outage or a hanging cloud must not stop (or freeze) an admin preparing the next launch.
 */
final class SecurityGroupCheck {

    private SecurityGroupCheck() {
    }

    /** A warning when the name could not be checked; throws when the cloud answered without it. */
    static Optional<String> verify(String name, Supplier<CloudProvider> provider, CloudCalls calls) {
        CloudProvider cloud;
        try {
            cloud = provider.get();
        } catch (ProviderUnavailableException e) {
            return Optional.of("Not checked against the cloud: " + e.getMessage());
        }
        SecurityGroups groups = cloud.securityGroups();
        if (groups == SecurityGroups.NONE) {
            return Optional.of("Cloud provider '" + cloud.name() + "' has no security groups; this one is recorded "
                    + "but changes nothing there.");
        }
        List<CloudSecurityGroup> offered;
        try {
            offered = calls.within(calls.callTimeout(), groups::list);
        } catch (CloudProviderException e) {
            return Optional.of("Not checked against the cloud, which did not answer: " + e.getMessage());
        }
        if (offered.stream().noneMatch(g -> name.equals(g.name()) || name.equals(g.id()))) {
            throw new FieldException("name", "cloud provider '" + cloud.name() + "' has no security group '" + name
                    + "'; it has " + (offered.isEmpty() ? "none" : String.join(", ",
                            offered.stream().map(CloudSecurityGroup::name).sorted().toList())));
        }
        return Optional.empty();
    }
}
