package io.vantage.api.tunnel.guacamole;

import org.apache.guacamole.protocol.GuacamoleConfiguration;

import io.vantage.api.tunnel.TunnelTargets.Target;

/**
 * guacd connection parameters, built on the server only: the browser never learns the VNC address or secret.
 * guacd answers a handshake with the names it wants and gets exactly those values; unknown names cost nothing.
 */
final class VncConfigurations {

    static final String PROTOCOL = "vnc";

    private VncConfigurations() {
    }

    /** A new guacd connection to the instance's VNC server. */
    static GuacamoleConfiguration create(Target target) {
        GuacamoleConfiguration config = new GuacamoleConfiguration();
        config.setProtocol(PROTOCOL);
        config.setParameter("hostname", target.endpoint().host());
        config.setParameter("port", Integer.toString(target.endpoint().port()));
        config.setParameter("password", target.secret());
        config.setParameter("color-depth", "24");
        // guacd 1.6+ passes the browser's size on to the VNC server (SetDesktopSize) when it supports that
        config.setParameter("disable-display-resize", "false");
        GuacdKeymaps.serverLayout(target.keyboardLayout()).ifPresent(l -> config.setParameter("server-layout", l));
        member(config);
        return config;
    }

    /**
     * Joining an existing guacd connection (a shared session). guacd reads each joining user's own parameters for
     * what concerns that user (input, clipboard), so the VNC address and secret are not sent again.
     */
    static GuacamoleConfiguration join(String connectionId) {
        GuacamoleConfiguration config = new GuacamoleConfiguration();
        config.setProtocol(PROTOCOL);
        config.setConnectionID(connectionId);
        member(config);
        return config;
    }

    /**
     * Input and clipboard on for everyone: guacd installs a user's input handlers once, when they join, so a member
     * it was told is read-only could never type again after a promotion. Watchers' input is dropped by the portal's
     * {@link InputFilter} before it reaches guacd, from the moment their role changes, in both directions.
     */
    private static void member(GuacamoleConfiguration config) {
        config.setParameter("read-only", "false");
        config.setParameter("disable-copy", "false");
        config.setParameter("disable-paste", "false");
    }
}
