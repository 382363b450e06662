package io.vantage.domain.instance;

public enum CommandType {
    CREATE,
    START,
    STOP,
    REBOOT,
    DELETE,
    SYNC
}
