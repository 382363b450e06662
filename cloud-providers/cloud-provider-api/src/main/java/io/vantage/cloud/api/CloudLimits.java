package io.vantage.cloud.api;

/**
 * What the cloud allows and what is in use. A {@code null} maximum means the cloud sets no limit.
 */
public record CloudLimits(Integer maxInstances, Integer maxVcpu, Integer maxMemoryMib, Integer maxGpu,
                          int usedInstances, int usedVcpu, int usedMemoryMib, int usedGpu) {

    public static final CloudLimits UNLIMITED = new CloudLimits(null, null, null, null, 0, 0, 0, 0);

    /** The first resource that would be exceeded by one more machine of this size, or null when it fits. */
    public String firstExceeded(int vcpu, int memoryMib, int gpu) {
        if (maxInstances != null && usedInstances + 1 > maxInstances) {
            return "instances (" + usedInstances + " of " + maxInstances + " in use)";
        }
        if (maxVcpu != null && usedVcpu + vcpu > maxVcpu) {
            return "vCPUs (" + usedVcpu + " of " + maxVcpu + " in use, " + vcpu + " requested)";
        }
        if (maxMemoryMib != null && usedMemoryMib + memoryMib > maxMemoryMib) {
            return "memory (" + usedMemoryMib + " of " + maxMemoryMib + " MiB in use, " + memoryMib + " MiB requested)";
        }
        if (maxGpu != null && usedGpu + gpu > maxGpu) {
            return "GPUs (" + usedGpu + " of " + maxGpu + " in use, " + gpu + " requested)";
        }
        return null;
    }
}
