package io.vantage.api.launch;

/** What a person's instances (all not deleted, stopped ones included: they keep their cloud resources) use. */
public record Usage(int instances, int vcpu, int memoryMib, int gpu) {
}
