package io.vantage.api.events;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.vantage.api.security.AccessChange;
import io.vantage.api.security.AccessChangeListener;
import io.vantage.api.security.CurrentUser;
import io.vantage.api.security.EffectiveRoles;
import io.vantage.api.security.PortalSessionHolder;
import io.vantage.api.security.PortalSessions;

/**
 * The browsers connected to this replica, and which events each may receive. Whether a subscriber sees the events
 * only admins see is decided at each delivery with the roles they hold then, so a revoked or expired ADMIN grant
 * stops them at once; a stream opened by a browser session ends when that session is ended.
 */
@Component
public class LiveEvents implements org.springframework.context.SmartLifecycle, AccessChangeListener,
        PortalSessionHolder {

    /**
     * @param loginRoles the roles of the login or token that opened the stream (grants are added per delivery)
     * @param sessionId  the browser session that opened it, or null for a bearer token
     */
    private record Subscriber(String userId, Set<String> loginRoles, String sessionId, SseEmitter emitter) {
    }

    private final Map<Long, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final EffectiveRoles roles;
    private final PortalSessions sessions;

    LiveEvents(MeterRegistry meters, EffectiveRoles roles, PortalSessions sessions) {
        this.roles = roles;
        this.sessions = sessions;
        meters.gaugeMapSize("vantage.events.subscribers", java.util.List.of(), subscribers);
    }

    public SseEmitter subscribe(CurrentUser user, Set<String> loginRoles, String sessionId) {
        SseEmitter emitter = new SseEmitter(0L);
        long id = ids.incrementAndGet();
        subscribers.put(id, new Subscriber(user.id(), Set.copyOf(loginRoles), sessionId, emitter));
        emitter.onCompletion(() -> subscribers.remove(id));
        emitter.onTimeout(() -> subscribers.remove(id));
        emitter.onError(error -> subscribers.remove(id));
        try {
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException e) {
            subscribers.remove(id);
        }
        return emitter;
    }

    void deliver(LiveEvent event) {
        subscribers.forEach((id, subscriber) -> {
            if (event.viewers().contains(subscriber.userId())
                    || roles.isAdmin(subscriber.userId(), subscriber.loginRoles())) {
                send(id, subscriber, SseEmitter.event().name(event.type()).data(event.data()));
            }
        });
    }

    /** A person's sessions were ended: their streams opened by those sessions end too. */
    @Override
    public void accessChanged(AccessChange change) {
        if (change.instanceId() != null || change.userId() == null) {
            return;
        }
        subscribers.forEach((id, subscriber) -> {
            if (subscriber.userId().equals(change.userId()) && subscriber.sessionId() != null
                    && !sessions.exists(subscriber.sessionId())) {
                subscribers.remove(id);
                subscriber.emitter().complete();
            }
        });
    }

    /** The browser sessions the open streams belong to, so one that times out ends its streams too. */
    @Override
    public Map<String, String> heldSessions() {
        Map<String, String> held = new java.util.HashMap<>();
        subscribers.values().forEach(subscriber -> {
            if (subscriber.sessionId() != null) {
                held.put(subscriber.sessionId(), subscriber.userId());
            }
        });
        return held;
    }

    /** Keeps idle connections open through proxies and notices browsers that went away. */
    @Scheduled(fixedDelay = 25_000)
    void heartbeat() {
        subscribers.forEach((id, subscriber) -> send(id, subscriber, SseEmitter.event().comment("keep-alive")));
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /** Ends the streams first on shutdown: open ones would hold the web server's graceful shutdown until timeout. */
    @Override
    public void stop() {
        running = false;
        subscribers.values().forEach(subscriber -> subscriber.emitter().complete());
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    int count() {
        return subscribers.size();
    }

    private void send(Long id, Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            subscribers.remove(id);
            subscriber.emitter().completeWithError(e);
        }
    }
}
