package io.vantage.cloud.api;

/**
 * Tag (metadata, label) keys every provider sets on the machines it creates. Orphan cleanup trusts only these,
 * never a name prefix, so two deployments can share one project safely.
 */
public final class Tags {

    public static final String DEPLOYMENT = "vantage-deployment";
    public static final String INSTANCE = "vantage-instance";
    public static final String OWNER = "vantage-owner";

    private Tags() {
    }
}
