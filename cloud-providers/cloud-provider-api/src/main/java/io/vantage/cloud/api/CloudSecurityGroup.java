package io.vantage.cloud.api;

public record CloudSecurityGroup(String id, String name, String description) {
}
