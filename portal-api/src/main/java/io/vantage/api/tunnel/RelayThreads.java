package io.vantage.api.tunnel;

import java.lang.reflect.Method;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Threads for desktop relays, which spend their lives blocked on a socket: virtual threads where the JDK has them
 * (21+), so hundreds of desktops cost no more than hundreds of parked continuations; platform threads on 17, which
 * the build targets (looked up by reflection, so the same jar runs on both).
 */
public final class RelayThreads {

    private static final Logger log = LoggerFactory.getLogger(RelayThreads.class);
    private static final Method OF_VIRTUAL = lookup("ofVirtual");
    private static final Method NAME = OF_VIRTUAL == null ? null : builderMethod("name", String.class);
    private static final Method START = OF_VIRTUAL == null ? null : builderMethod("start", Runnable.class);

    private RelayThreads() {
    }

    /** Whether relays run on virtual threads in this JVM. */
    public static boolean virtual() {
        return START != null;
    }

    /** Starts {@code task} on a new relay thread. */
    public static Thread start(String name, Runnable task) {
        if (START != null) {
            try {
                Object builder = NAME.invoke(OF_VIRTUAL.invoke(null), name);
                return (Thread) START.invoke(builder, task);
            } catch (ReflectiveOperationException | RuntimeException e) {
                log.debug("No virtual thread for {}, using a platform thread: {}", name, e.toString());
            }
        }
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static Method lookup(String name) {
        if (Runtime.version().feature() < 21) {
            return null; // 19 and 20 have them only as a preview
        }
        try {
            return Thread.class.getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Method builderMethod(String name, Class<?> parameter) {
        try {
            return Class.forName("java.lang.Thread$Builder").getMethod(name, parameter);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
