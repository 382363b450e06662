package io.vantage.cloud.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Free TCP ports: the kernel picks one (bind to port 0) and we release it for the process to take. Another program
 * can grab it in between, so launchers retry with a new port when their process cannot listen; the memory of
 * recently given ports keeps two launches in this JVM from being handed the same one.
 */
final class PortAllocator {

    private static final int REMEMBERED = 128;
    private static final Deque<Integer> RECENT = new ArrayDeque<>();

    private PortAllocator() {
    }

    static int freePort(String bindAddress) {
        try {
            InetAddress address = InetAddress.getByName(bindAddress);
            for (int attempt = 0; attempt < 20; attempt++) {
                int port;
                try (ServerSocket socket = new ServerSocket()) {
                    socket.bind(new InetSocketAddress(address, 0));
                    port = socket.getLocalPort();
                }
                if (remember(port)) {
                    return port;
                }
            }
            throw new IOException("no free port on " + bindAddress + " after 20 attempts");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized boolean remember(int port) {
        if (RECENT.contains(port)) {
            return false;
        }
        RECENT.addLast(port);
        if (RECENT.size() > REMEMBERED) {
            RECENT.removeFirst();
        }
        return true;
    }
}
