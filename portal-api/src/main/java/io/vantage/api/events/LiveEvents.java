package io.vantage.api.events;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.vantage.api.security.CurrentUser;

/** The browsers connected to this replica, and which events each may receive. */
@Component
public class LiveEvents implements org.springframework.context.SmartLifecycle {

    private record Subscriber(String userId, boolean admin, SseEmitter emitter) {
    }

    private final Map<Long, Subscriber> subscribers = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

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
