package io.vantage.bench.guacamole;

import org.apache.guacamole.GuacamoleException;
import org.apache.guacamole.io.GuacamoleReader;
import org.apache.guacamole.net.InetGuacamoleSocket;
import org.apache.guacamole.protocol.ConfiguredGuacamoleSocket;
import org.apache.guacamole.protocol.GuacamoleConfiguration;

/** The baseline: straight to guacd over TCP, with guacamole-common's socket, handshake and reader. */
final class DirectSession extends BenchSession {

    private final ConfiguredGuacamoleSocket socket;

    DirectSession(int guacdPort) throws GuacamoleException {
        GuacamoleConfiguration config = new GuacamoleConfiguration();
        config.setProtocol("vnc");
        config.setParameter("hostname", "127.0.0.1");
        socket = new ConfiguredGuacamoleSocket(new InetGuacamoleSocket("127.0.0.1", guacdPort), config);
        Thread reader = new Thread(this::read, "direct-session");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        GuacamoleReader reader = socket.getReader();
        StringBuilder batch = new StringBuilder(8192);
        try {
            char[] instruction;
            while ((instruction = reader.read()) != null) {
                // the same batching as the portal's relay, so both clients scan alike
                batch.append(instruction);
                if (batch.length() >= 8192 || !reader.available()) {
                    onText(batch);
                    batch.setLength(0);
                }
            }
        } catch (GuacamoleException e) {
            // closed
        }
    }

    @Override
    void send(String instruction) throws GuacamoleException {
        synchronized (socket) {
            socket.getWriter().write(instruction.toCharArray());
        }
    }

    @Override
    public void close() throws GuacamoleException {
        socket.close();
    }
}
