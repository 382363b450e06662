package io.vantage.api.tunnel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On shutdown, ends this replica's desktop connections with a reason before the web server stops, so browsers
 * reconnect (through the load balancer, to another replica) instead of hanging on a dead socket.
 */
@Component
class TunnelDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TunnelDrain.class);

    private final SessionTracker sessions;
    private volatile boolean running;

    TunnelDrain(SessionTracker sessions) {
        this.sessions = sessions;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        int open = sessions.openCount();
        if (open > 0) {
            log.info("Closing {} desktop connection(s) before shutdown", open);
            sessions.closeAll("The portal is restarting; reconnect to continue");
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE; // stops before the web server's graceful shutdown
    }
}
