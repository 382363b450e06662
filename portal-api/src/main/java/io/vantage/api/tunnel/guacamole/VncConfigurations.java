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
    static GuacamoleConfiguration create(Target target, boolean readOnly) {
        GuacamoleConfiguration config = new GuacamoleConfiguration();
        config.setProtocol(PROTOCOL);
        config.setParameter("hostname", target.endpoint().host());
        config.setParameter("port", Integer.toString(target.endpoint().port()));
        config.setParameter("password", target.secret());
        config.setParameter("color-depth", "24");
        GuacdKeymaps.serverLayout(target.keyboardLayout()).ifPresent(l -> config.setParameter("server-layout", l));
        member(config, readOnly);
        return config;
    }

    /**
     * Joining an existing guacd connection (a shared session). guacd reads each joining user's own parameters for
     * what concerns that user (read-only, clipboard), so the VNC address and secret are not sent again.
     */
    static GuacamoleConfiguration join(String connectionId, boolean readOnly) {
        GuacamoleConfiguration config = new GuacamoleConfiguration();
        config.setProtocol(PROTOCOL);
        config.setConnectionID(connectionId);
        member(config, readOnly);
        return config;
    }

    private static void member(GuacamoleConfiguration config, boolean readOnly) {
        config.setParameter("read-only", Boolean.toString(readOnly));
        // clipboard both ways for those who may type; a watcher may still copy out what they see
        config.setParameter("disable-copy", "false");
        config.setParameter("disable-paste", Boolean.toString(readOnly));
    }
}
