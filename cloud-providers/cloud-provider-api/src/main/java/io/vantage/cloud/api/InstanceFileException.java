package io.vantage.cloud.api;

/** A file operation the machine refused or could not do; the message is for people and names no secret. */
public class InstanceFileException extends RuntimeException {

    public enum Reason {
        /** No such file or folder. */
        NOT_FOUND,
        /** A link, a device, or otherwise not a plain file or folder inside the user's area. */
        REFUSED,
        /** The instance's user may not do this (raw data is read-only). */
        PERMISSION,
        /** A file of that name exists and replacing was not asked for. */
        EXISTS,
        /** The machine did not do it (stopped, broken, stream cut). */
        FAILED
    }

    private final Reason reason;

    public InstanceFileException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
