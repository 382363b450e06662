package io.vantage.domain.data;

/**
 * One folder an instance shows under {@code ~/data/<target>}: an experiment's raw data (read-only), its proposal's
 * area for processed results (writable, shared by the proposal's instances), or a dataset's folder.
 *
 * @param path the folder on the store, absolute (under the store's root)
 */
public record DataFolder(String target, DataStore store, String path, boolean readOnly, String experimentId,
                         String proposalId, String datasetPid) {

    public enum Kind { RAW, PROCESSED, DATASET }

    public Kind kind() {
        return datasetPid != null ? Kind.DATASET : readOnly ? Kind.RAW : Kind.PROCESSED;
    }
}
