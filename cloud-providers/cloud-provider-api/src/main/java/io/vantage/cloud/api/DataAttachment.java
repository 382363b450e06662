package io.vantage.cloud.api;

/**
 * What became of data mounts applied to an existing machine ({@link Compute#applyDataMounts}): the portal tells the
 * person which of these it is.
 */
public enum DataAttachment {
    /** The running machine shows the folders now (or within the minute the image contract allows). */
    APPLIED,
    /** Recorded for the machine, but its programs see them only after a restart (reboot, or stop and start). */
    AFTER_RESTART,
    /** This cloud cannot change the data of an existing machine: delete the instance and launch it again. */
    UNSUPPORTED
}
