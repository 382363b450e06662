package io.vantage.api.reconcile;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import org.springframework.stereotype.Component;

import io.vantage.cloud.api.Endpoint;

/** Whether something accepts TCP connections at an endpoint. */
@Component
class PortProbe {

    boolean isOpen(Endpoint endpoint, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), (int) timeout.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
