package io.vantage.domain.catalogue;

public enum ProtocolKind {
    VNC,
    RDP,
    GUACD,
    JUPYTER,
    SSH,
    HTTP;

    /** Whether the protocol is a remote desktop shown on a canvas, as opposed to a web application. */
    public boolean isDesktop() {
        return this == VNC || this == RDP || this == GUACD;
    }
}
