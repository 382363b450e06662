package io.vantage.cloud.api;

public record CloudFlavour(String id, String name, int vcpus, int memoryMib, int gpus, int diskGb) {
}
