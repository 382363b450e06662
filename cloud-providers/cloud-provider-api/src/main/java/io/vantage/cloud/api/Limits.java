package io.vantage.cloud.api;

/** Capacity of the project or namespace: what the cloud allows and what is used. */
public interface Limits {

    CloudLimits limits();
}
