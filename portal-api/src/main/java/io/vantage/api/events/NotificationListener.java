package io.vantage.api.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.vantage.api.security.AccessChange;
import io.vantage.api.security.AccessChangeListener;
import io.vantage.api.security.AccessChanges;

/**
 * Listens to the database's NOTIFY channels on one connection: browser events go to the local browsers and the
 * local event handlers, access changes to the {@link AccessChangeListener}s.
 */
@Component
class NotificationListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

    private final DataSource dataSource;
    private final EventBus bus;
    private final LiveEvents live;
    private final java.util.List<LocalEventHandler> handlers;
    private final AccessChanges accessChanges;
    private final java.util.List<AccessChangeListener> accessListeners;
    private volatile boolean running;
    private Thread thread;

    NotificationListener(DataSource dataSource, EventBus bus, LiveEvents live, java.util.List<LocalEventHandler> handlers,
                         AccessChanges accessChanges, java.util.List<AccessChangeListener> accessListeners) {
        this.dataSource = dataSource;
        this.bus = bus;
        this.live = live;
        this.handlers = java.util.List.copyOf(handlers);
        this.accessChanges = accessChanges;
        this.accessListeners = java.util.List.copyOf(accessListeners);
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "live-events-listener");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + EventBus.CHANNEL);
                    statement.execute("listen " + AccessChanges.CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            if (AccessChanges.CHANNEL.equals(notification.getName())) {
                                dispatchAccess(notification.getParameter());
                            } else {
                                dispatch(notification.getParameter());
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Live events listener lost its database connection, reconnecting: {}", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void dispatch(String payload) {
        try {
            LiveEvent event = bus.parse(payload);
            live.deliver(event);
            for (LocalEventHandler handler : handlers) {
                handler.handle(event);
            }
        } catch (RuntimeException e) {
            log.warn("Ignoring a malformed live event: {}", e.getMessage());
        }
    }

    private void dispatchAccess(String payload) {
        AccessChange change;
        try {
            change = accessChanges.parse(payload);
        } catch (RuntimeException e) {
            log.warn("Ignoring a malformed access change: {}", e.getMessage());
            return;
        }
        for (AccessChangeListener listener : accessListeners) {
            try {
                listener.accessChanged(change);
            } catch (RuntimeException e) {
                log.warn("{} failed to apply an access change: {}", listener.getClass().getSimpleName(), e.toString());
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
