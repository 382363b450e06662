package io.vantage.domain.instance;

public enum CommandType {
    CREATE,
    START,
    STOP,
    REBOOT,
    DELETE,
    SYNC,
    /** Give a pool machine to the owner of the launch that took it. */
    HANDOVER
}
