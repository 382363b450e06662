package io.vantage.cloud.openstack;

import io.vantage.cloud.api.CloudLimits;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.Limits;
import org.openstack4j.model.compute.AbsoluteLimit;

/**
 * Nova's absolute limits of the project. Nova reports no GPU quota (GPUs are placement resources), so GPUs are
 * left unlimited here and the portal's own flavour limits apply.
 */
final class NovaLimits implements Limits {

    private final OpenStackSession session;

    NovaLimits(OpenStackSession session) {
        this.session = session;
    }

    @Override
    public CloudLimits limits() {
        org.openstack4j.model.compute.Limits novaLimits = session.call("read the project limits", os -> os.compute().quotaSets().limits());
        // openstack4j reads a 404 as "no object"; every Nova has limits, so the compute endpoint must be wrong.
        if (novaLimits == null || novaLimits.getAbsolute() == null) {
            throw new CloudPermanentException("Could not read the project limits: the compute endpoint of the"
                    + " catalogue does not answer like Nova (HTTP 404); check the region setting.");
        }
        AbsoluteLimit absolute = novaLimits.getAbsolute();
        return new CloudLimits(max(absolute.getMaxTotalInstances()), max(absolute.getMaxTotalCores()),
                max(absolute.getMaxTotalRAMSize()), null,
                used(absolute.getTotalInstancesUsed()), used(absolute.getTotalCoresUsed()),
                used(absolute.getTotalRAMUsed()), 0);
    }

    // Nova says -1 for "no limit".
    private static Integer max(int value) {
        return value < 0 ? null : value;
    }

    private static int used(int value) {
        return Math.max(0, value);
    }
}
