package io.vantage.api.cloud;

/** An amount of cloud resources: machines, vCPUs, memory and GPUs. */
public record Resources(int instances, int vcpu, int memoryMib, int gpu) {

    public static final Resources NONE = new Resources(0, 0, 0, 0);

    public Resources plus(Resources other) {
        return new Resources(instances + other.instances, vcpu + other.vcpu, memoryMib + other.memoryMib,
                gpu + other.gpu);
    }

    /** This minus {@code other}, never below zero. */
    public Resources minus(Resources other) {
        return new Resources(Math.max(0, instances - other.instances), Math.max(0, vcpu - other.vcpu),
                Math.max(0, memoryMib - other.memoryMib), Math.max(0, gpu - other.gpu));
    }
}
