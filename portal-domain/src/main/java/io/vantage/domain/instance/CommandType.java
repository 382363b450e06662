package io.vantage.domain.instance;

public enum CommandType {
    CREATE,
    START,
    STOP,
    REBOOT,
    DELETE,
    SYNC,
    /** Moves the cloud's own end of the machine (a batch job's time limit) to the instance's end of life. */
    TIME_LIMIT,
    /** Give a pool machine to the owner of the launch that took it. */
    HANDOVER,
    /** Gives an existing machine the data folders of its experiments again (one was added). */
    ATTACH_DATA
}
