package io.vantage.api.tunnel.jupyter;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.vantage.api.events.AccessChange;
import io.vantage.api.events.AccessChangeListener;

/**
 * Applies access changes (from this replica or another) to notebooks: cached decisions are dropped at once, so the
 * next request is decided afresh, and open websockets are re-decided on a thread of their own, so a slow close
 * never holds up the notification listener.
 */
@Component
class NotebookAccessListener implements AccessChangeListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotebookAccessListener.class);

    private final NotebookAccess access;
    private final JupyterWebSocketProxy sockets;
    private final ExecutorService rechecks = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "notebook-access");
        thread.setDaemon(true);
        return thread;
    });

    NotebookAccessListener(NotebookAccess access, JupyterWebSocketProxy sockets) {
        this.access = access;
        this.sockets = sockets;
    }

    @Override
    public void accessChanged(AccessChange change) {
        access.forget(change);
        rechecks.execute(() -> {
            try {
                sockets.recheck(change, grant -> access.check(grant.userId(), grant.uid()),
                        grant -> access.reason(grant.userId(), grant.instanceId())
                                .orElse("Your access to this notebook ended."));
            } catch (RuntimeException e) {
                log.warn("Could not re-check notebook connections after an access change: {}", e.toString());
            }
        });
    }

    @Override
    public void destroy() {
        rechecks.shutdownNow();
    }
}
