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

/** Listens to the database's NOTIFY channel on one connection and hands events to the local browsers. */
@Component
class NotificationListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);

    private final DataSource dataSource;
    private final EventBus bus;
    private final LiveEvents live;
    private final java.util.List<LocalEventHandler> handlers;
    private volatile boolean running;
    private Thread thread;

    NotificationListener(DataSource dataSource, EventBus bus, LiveEvents live, java.util.List<LocalEventHandler> handlers) {
        this.dataSource = dataSource;
        this.bus = bus;
        this.live = live;
        this.handlers = java.util.List.copyOf(handlers);
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
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            dispatch(notification.getParameter());
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
