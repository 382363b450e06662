package io.vantage.api.tunnel.jupyter;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.vantage.api.security.AccessChange;
import io.vantage.api.security.AccessChangeListener;
import io.vantage.api.events.EventBus;
import io.vantage.api.events.LiveEvent;
import io.vantage.api.security.PortalSessions;

/**
 * Applies access changes (from this replica or another) to notebooks: cached decisions are dropped at once, so the
 * next request is decided afresh, and open websockets are re-decided on a thread of their own, so a slow close
 * never holds up the notification listener. The person's pages then hear what their notebook may do now (the same
 * {@code access} live event desktops send: {@code closed}, {@code watching}, {@code control}, with the reason).
 */
@Component
class NotebookAccessListener implements AccessChangeListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotebookAccessListener.class);

    private final NotebookAccess access;
    private final NotebookSessions cookies;
    private final PortalSessions portalSessions;
    private final JupyterWebSocketProxy sockets;
    private final EventBus bus;
    private final ExecutorService rechecks = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "notebook-access");
        thread.setDaemon(true);
        return thread;
    });

    NotebookAccessListener(NotebookAccess access, NotebookSessions cookies, PortalSessions portalSessions,
                           JupyterWebSocketProxy sockets, EventBus bus) {
        this.access = access;
        this.cookies = cookies;
        this.portalSessions = portalSessions;
        this.sockets = sockets;
        this.bus = bus;
    }

    @Override
    public void accessChanged(AccessChange change) {
        access.forget(change);
        boolean person = change.instanceId() == null;
        if (person) {
            cookies.forget(change.userId()); // the next request looks the cookie's portal session up again
        }
        rechecks.execute(() -> {
            try {
                if (person && change.userId() != null) {
                    sockets.closeEnded(change, id -> !portalSessions.exists(id), change.reason() != null
                            ? change.reason() : "Your portal session ended");
                }
                var switched = sockets.recheck(change, grant -> access.check(grant.userId(), grant.uid()),
                        grant -> reason(grant, change));
                switched.stream().collect(Collectors.toMap(s -> s.grant().userId() + "/" + s.grant().uid(), s -> s,
                        (first, second) -> first, LinkedHashMap::new)).values().forEach(s -> tell(s, change));
            } catch (RuntimeException e) {
                log.warn("Could not re-check notebook connections after an access change: {}", e.toString());
            }
        });
    }

    private String reason(NotebookAccess.Grant grant, AccessChange change) {
        return change.reason() != null ? change.reason()
                : access.reason(grant.userId(), grant.instanceId()).orElse("Your access to this notebook ended");
    }

    private void tell(JupyterWebSocketProxy.Switched switched, AccessChange change) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("uid", switched.grant().uid());
        data.put("userId", switched.grant().userId());
        data.put("access", switched.access());
        data.put("reason", reason(switched.grant(), change));
        bus.publish(new LiveEvent("access", switched.grant().uid(), Set.of(switched.grant().userId()), data));
    }

    @Override
    public void destroy() {
        rechecks.shutdownNow();
    }
}
