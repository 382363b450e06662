package io.vantage.api.data;

import java.time.Instant;
import java.util.List;

/**
 * An instance's data as its members see it.
 *
 * @param folders      what the machine shows under {@code ~/data}
 * @param notes        what it does not show, and why
 * @param writable     whether the caller can write there through the instance: members who may type and run
 *                     code; GUEST members only watch the desktop and cannot run notebook cells, so for them it is
 *                     read-only whatever the folder
 * @param lastChange   the latest attempt to give the running machine its folders (after an experiment was added)
 * @param addable      the owner's other experiments that could be added (empty for everyone else)
 */
public record InstanceDataView(List<Folder> folders, List<String> notes, boolean writable, Change lastChange,
                               List<String> addable) {

    /** One folder: {@code ~/data/EXP-1}, raw data of EXP-1, read-only. */
    public record Folder(String folder, String kind, boolean readOnly, String experimentId, String proposalId,
                         String datasetPid) {
    }

    /** State and message of the latest ATTACH_DATA command. */
    public record Change(String state, String message, Instant at) {
    }
}
