package io.vantage.cloud.openstack;

import io.vantage.cloud.api.CloudSecurityGroup;
import io.vantage.cloud.api.SecurityGroups;
import java.util.List;
import java.util.Map;

/** The project's security groups from Neutron, or from Nova's older proxy API on clouds without Neutron. */
final class OpenStackSecurityGroups implements SecurityGroups {

    private final OpenStackSession session;

    OpenStackSecurityGroups(OpenStackSession session) {
        this.session = session;
    }

    @Override
    public List<CloudSecurityGroup> list() {
        if (session.hasService("network")) {
            // An admin token sees every project's groups; only this project's can be used by its servers.
            return session.call("list security groups", os -> os.networking().securitygroup()
                    .list(Map.of("project_id", session.projectId())).stream()
                    .map(group -> new CloudSecurityGroup(group.getId(), group.getName(), group.getDescription()))
                    .toList());
        }
        return session.call("list security groups", os -> os.compute().securityGroups().list().stream()
                .map(group -> new CloudSecurityGroup(group.getId(), group.getName(), group.getDescription()))
                .toList());
    }
}
