package io.vantage.bench.guacamole;

import io.vantage.bench.portal.PortalProcess;

/** The desktop instance every relay session opens (they all join its one guacd connection, as colleagues do). */
record Desktop(PortalProcess portal, String uid) {

    static Desktop launch(PortalProcess portal) throws Exception {
        return new Desktop(portal, portal.launchDesktop("Benchmark desktop"));
    }

    RelaySession session() throws Exception {
        return new RelaySession(portal.websocketBase(), portal.ticket(uid, "GUACD"), uid);
    }
}
