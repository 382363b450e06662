package io.vantage.cloud.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the portal tells a machine about itself ({@code docs/image-contract.md} lists every key and what the machine
 * must do with it). The secret is for the machine only (VNC password, Jupyter token): {@link #toString()} never shows
 * it, so logging a request cannot leak it.
 *
 * @param proposals the proposals of the instance's experiments, sorted (a batch provider may charge one as the job's
 *                  account); empty when the portal does not say
 * @param recipe    the analysis recipe to clone at the start, or null
 */
public record InstanceMetadata(String deploymentId, String instanceUid, String owner, List<String> experiments,
                               int screenWidth, int screenHeight, String keyboardLayout, String secret,
                               List<String> proposals, GitRecipe recipe) {

    /** Set to {@code true} on machines made for a pool (docs/image-contract.md, "Hand-over"). */
    public static final String POOL_KEY = "vantage-pool";

    public InstanceMetadata {
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(instanceUid, "instanceUid");
        experiments = experiments == null ? List.of() : List.copyOf(experiments);
        proposals = proposals == null ? List.of() : List.copyOf(proposals);
    }

    /** Without a recipe. */
    public InstanceMetadata(String deploymentId, String instanceUid, String owner, List<String> experiments,
                            int screenWidth, int screenHeight, String keyboardLayout, String secret,
                            List<String> proposals) {
        this(deploymentId, instanceUid, owner, experiments, screenWidth, screenHeight, keyboardLayout, secret,
                proposals, null);
    }

    /** Without proposals. */
    public InstanceMetadata(String deploymentId, String instanceUid, String owner, List<String> experiments,
                            int screenWidth, int screenHeight, String keyboardLayout, String secret) {
        this(deploymentId, instanceUid, owner, experiments, screenWidth, screenHeight, keyboardLayout, secret, null,
                null);
    }

    /** Tags that identify the machine as ours; providers set them on every machine they create. */
    public Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(Tags.DEPLOYMENT, deploymentId);
        tags.put(Tags.INSTANCE, instanceUid);
        if (owner != null) {
            tags.put(Tags.OWNER, owner);
        }
        return tags;
    }

    /** A machine made for a pre-warmed pool: no owner yet, its secret is the pool secret until hand-over. */
    public boolean pooled() {
        return owner == null;
    }

    /** Where the portal's proxy sends a notebook's requests: Jupyter must serve under this path. */
    public String notebookBaseUrl() {
        return "/instances/" + instanceUid + "/jupyter/";
    }

    /** Metadata for the machine itself (cloud-init reads it), the secret included. */
    public Map<String, String> machineMetadata() {
        Map<String, String> values = new LinkedHashMap<>(tags());
        values.put("vantage-experiments", String.join(",", experiments));
        values.put("vantage-screen", screenWidth + "x" + screenHeight);
        if (keyboardLayout != null) {
            values.put("vantage-keyboard", keyboardLayout);
        }
        values.put("vantage-notebook-base-url", notebookBaseUrl());
        if (secret != null) {
            values.put("vantage-secret", secret);
        }
        if (pooled()) {
            values.put(POOL_KEY, "true");
        }
        if (recipe != null) {
            values.putAll(recipe.metadata());
        }
        return values;
    }

    @Override
    public String toString() {
        return "InstanceMetadata[deploymentId=" + deploymentId + ", instanceUid=" + instanceUid + ", owner=" + owner
                + ", experiments=" + experiments + ", proposals=" + proposals + ", screen=" + screenWidth + "x"
                + screenHeight + ", keyboardLayout=" + keyboardLayout + ", recipe=" + recipe + ", secret=****]";
    }
}
