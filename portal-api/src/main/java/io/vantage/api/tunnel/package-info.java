/**
 * Desktops and notebooks in the browser: single-use tickets, the VNC and Guacamole relays (tunnel.vnc,
 * tunnel.guacamole) and the Jupyter proxy on notebook origins (tunnel.jupyter), internal to this module. Every open
 * connection is re-decided by AccessPolicy when access changes. User input is handed to the expiry module as
 * activity.
 */
@ApplicationModule(displayName = "Tunnels", allowedDependencies = {
        "cloud", "error", "events", "expiry::lifetimes", "security", "support"})
package io.vantage.api.tunnel;

import org.springframework.modulith.ApplicationModule;
