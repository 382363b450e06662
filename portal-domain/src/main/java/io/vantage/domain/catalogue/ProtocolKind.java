package io.vantage.domain.catalogue;

public enum ProtocolKind {
    VNC,
    RDP,
    GUACD,
    JUPYTER,
    SSH,
    HTTP,
    /** The image's own file service (docs/image-contract.md, "File transfer"): no one connects to it, the portal's
     * file transfer uses it. */
    FILES;

    /** Whether the protocol is a remote desktop shown on a canvas, as opposed to a web application. */
    public boolean isDesktop() {
        return this == VNC || this == RDP || this == GUACD;
    }

    /** Whether people open it with a ticket (a desktop or a notebook), as opposed to a service the portal uses. */
    public boolean isConnectable() {
        return this != FILES;
    }
}
