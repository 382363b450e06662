package io.vantage.api.events;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.vantage.api.security.CurrentUser;

/**
 * The browsers connected to this replica, and which events each may receive. On shutdown the streams are ended
 * first (browsers reconnect, to another replica if there is one): an open stream would otherwise hold the web
 * server's graceful shutdown until its timeout.
 */
@Component
public class LiveEvents implements SmartLifecycle {

    private record Subscriber(String userId, boolean admin, SseEmitter emitter) {
    }

    private final Map<Long, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile boolean running;

    LiveEvents(MeterRegistry meters) {
        meters.gaugeMapSize("vantage.events.subscribers", java.util.List.of(), subscribers);
    }

    public SseEmitter subscribe(CurrentUser user) {
        SseEmitter emitter = new SseEmitter(0L);
        long id = ids.incrementAndGet();
        subscribers.put(id, new Subscriber(user.id(), user.isAdmin(), emitter));
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
            if (subscriber.admin() || event.viewers().contains(subscriber.userId())) {
                send(id, subscriber, SseEmitter.event().name(event.type()).data(event.data()));
            }
        });
    }

    /** Keeps idle connections open through proxies and notices browsers that went away. */
    @Scheduled(fixedDelay = 25_000)
    void heartbeat() {
        subscribers.forEach((id, subscriber) -> send(id, subscriber, SseEmitter.event().comment("keep-alive")));
    }

    @Override
    public void start() {
        running = true;
    }

    /** Runs before the web server's graceful shutdown, which has a lower phase. */
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
        return SmartLifecycle.DEFAULT_PHASE;
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
