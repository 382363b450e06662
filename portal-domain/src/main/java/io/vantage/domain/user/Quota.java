package io.vantage.domain.user;

/** How much a user may run at once. */
public record Quota(int instances, int vcpu, int memoryMib, int gpu) {

    public Quota {
        if (instances < 0 || vcpu < 0 || memoryMib < 0 || gpu < 0) {
            throw new IllegalArgumentException("Quota values must not be negative");
        }
    }

    /** The more generous of two quotas, resource by resource (a user holding several roles gets the best of each). */
    public Quota max(Quota other) {
        return new Quota(Math.max(instances, other.instances), Math.max(vcpu, other.vcpu),
                Math.max(memoryMib, other.memoryMib), Math.max(gpu, other.gpu));
    }

    public Quota withInstances(int newInstances) {
        return new Quota(newInstances, vcpu, memoryMib, gpu);
    }
}
