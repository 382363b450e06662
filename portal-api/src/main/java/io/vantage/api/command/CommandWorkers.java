package io.vantage.api.command;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Worker threads that take commands off the queue and run them. Idle workers poll; a command queued on this replica
 * wakes one at once. On shutdown, running commands finish (bounded by the cloud call timeouts).
 */
@Component
@EnableConfigurationProperties(CommandProperties.class)
class CommandWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CommandWorkers.class);

    private final CommandQueue queue;
    private final CommandExecutor executor;
    private final CommandProperties properties;
    private final String replica;
    private final Semaphore signal = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    CommandWorkers(CommandQueue queue, CommandExecutor executor, CommandProperties properties) {
        this.queue = queue;
        this.executor = executor;
        this.properties = properties;
        this.replica = hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        queue.onEnqueue(signal::release);
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            log.info("Command workers are disabled on this replica");
            return;
        }
        running = true;
        for (int i = 0; i < properties.workers(); i++) {
            Thread thread = new Thread(this::loop, "command-worker-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    private void loop() {
        String worker = replica + "/" + Thread.currentThread().getName();
        while (running) {
            try {
                Optional<Long> claimed = queue.claim(worker);
                if (claimed.isPresent()) {
                    executor.execute(claimed.get());
                } else {
                    signal.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // A broken command must not kill the worker; its lease returns the command to the queue.
                log.error("Command worker error: {}", e.getMessage(), e);
                pause();
            }
        }
    }

    private void pause() {
        try {
            signal.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        signal.release(threads.size());
        for (Thread thread : threads) {
            try {
                thread.join(properties.lease().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "replica";
        }
    }
}
