package io.vantage.cloud.local;

import java.util.List;
import java.util.Map;

/**
 * The data of an instance's experiments, applied before its processes start: at creation, and at hand-over when a
 * pool machine gets its owner (the processes are started afresh after, so they run with it). This is the one place
 * the local provider learns an instance's experiments: the processes get {@code VANTAGE_EXPERIMENTS}, as the image
 * contract's machines do. Their data folders come from the portal as data mounts ({@link DataFolders}: saved at
 * creation or by {@code applyDataMounts}, which the portal calls before a hand-over, and opened at every launch).
 */
final class ExperimentData {

    /** Kept with the record's tags, so a restarted portal's relaunch gives the processes the same experiments. */
    static final String TAG = "vantage-experiments";

    InstanceRecord apply(InstanceRecord record, InstancePaths paths, List<String> experiments) {
        return record.withTag(TAG, String.join(",", experiments));
    }

    /** What the instance's processes are told about its experiments. */
    static Map<String, String> environment(InstanceRecord record) {
        return Map.of("VANTAGE_EXPERIMENTS", record.tags().getOrDefault(TAG, ""));
    }
}
