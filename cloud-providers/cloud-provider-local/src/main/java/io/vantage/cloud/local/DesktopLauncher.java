package io.vantage.cloud.local;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A desktop: Xvfb on a free display, openbox, a coloured xterm (so the screen is visibly alive), and x11vnc on a
 * free port with the instance's VNC password. Xvfb and x11vnc are essential; the user may close the xterm or leave
 * openbox without breaking the instance.
 */
final class DesktopLauncher implements Launcher {

    private static final int ATTEMPTS = 3;

    @Override
    public List<String> programs() {
        return List.of("setsid", "setpriv", "Xvfb", "openbox", "x11vnc", "xterm");
    }

    @Override
    public void writeSecrets(InstancePaths paths, String secret, InstanceUser owner) {
        SecureFiles.write(paths.vncPassword(), VncPasswordFile.content(secret), owner);
    }

    @Override
    public void launch(Launch launch) throws LaunchException, InterruptedException {
        DisplayAllocator.ensureSocketFolder();
        int display = startXvfb(launch);
        Map<String, String> x11 = Map.of("DISPLAY", ":" + display,
                "XAUTHORITY", launch.paths().xauthority().toAbsolutePath().toString());
        launch.start("openbox", false, List.of(launch.executable("openbox"), "--sm-disable"), x11);
        launch.start("xterm", false, List.of(launch.executable("xterm"), "-title", "Vantage desktop",
                "-geometry", "100x30+40+40", "-bg", "#1d3557", "-fg", "#f1faee"), x11);
        startX11vnc(launch, display, x11);
    }

    private int startXvfb(Launch launch) throws LaunchException, InterruptedException {
        InstanceRecord record = launch.record();
        Set<Integer> tried = new HashSet<>();
        String failure = "no attempt";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int display = DisplayAllocator.reserve(launch.settings().firstDisplay(), tried);
            tried.add(display);
            try {
                launch.writeSecret(launch.paths().xauthority(), XAuthorityFile.content(display));
                ProcessRecord xvfb = launch.start("xvfb", true, List.of(launch.executable("Xvfb"), ":" + display,
                        "-screen", "0", record.screenWidth() + "x" + record.screenHeight() + "x24",
                        "-auth", launch.paths().xauthority().toAbsolutePath().toString(),
                        "-nolisten", "tcp", "-noreset", "-dpi", "96"), Map.of());
                if (launch.awaitReady(xvfb, () -> ownsDisplay(xvfb, display))) {
                    launch.display(display);
                    return display;
                }
                failure = "Xvfb could not start on :" + display + ": " + launch.logTail("xvfb");
                launch.discard(xvfb);
            } finally {
                // from here on Xvfb's own lock file keeps the number taken
                DisplayAllocator.release(display);
            }
        }
        throw new LaunchException(failure);
    }

    private void startX11vnc(Launch launch, int display, Map<String, String> x11)
            throws LaunchException, InterruptedException {
        LocalSettings settings = launch.settings();
        String failure = "no attempt";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = PortAllocator.freePort(settings.bindAddress());
            List<String> command = new ArrayList<>(List.of(launch.executable("x11vnc"), "-display", ":" + display,
                    "-auth", launch.paths().xauthority().toAbsolutePath().toString(),
                    "-rfbauth", launch.paths().vncPassword().toAbsolutePath().toString(),
                    "-rfbport", Integer.toString(port)));
            command.addAll(settings.bindAddress().equals("127.0.0.1")
                    ? List.of("-localhost") : List.of("-listen", settings.bindAddress()));
            // IPv4 only (the bind address is IPv4); no XDAMAGE (unreliable on Xvfb); no DNS lookups, no rc file,
            // no external commands and no remote control: nothing but serving this screen
            command.addAll(List.of("-noipv6", "-shared", "-forever", "-noxdamage", "-nolookup", "-norc",
                    "-nocmds", "-noremote", "-desktop", "Vantage " + desktopName(launch.record())));
            ProcessRecord x11vnc = launch.start("x11vnc", true, command, x11);
            if (launch.awaitReady(x11vnc, () -> launch.logContains("x11vnc", "PORT=" + port)
                    && launch.accepts(port))) {
                launch.port(settings.vncPort(), port);
                return;
            }
            failure = "x11vnc could not serve port " + port + ": " + launch.logTail("x11vnc");
            launch.discard(x11vnc);
        }
        throw new LaunchException(failure);
    }

    /**
     * The lock file names our Xvfb and its socket exists. The socket alone could belong to another X server that
     * won the race for the same number, while ours is about to exit.
     */
    private static boolean ownsDisplay(ProcessRecord xvfb, int display) {
        try {
            return Long.toString(xvfb.pid()).equals(Files.readString(DisplayAllocator.lockFile(display)).trim())
                    && Files.exists(DisplayAllocator.socket(display));
        } catch (IOException e) {
            return false;
        }
    }

    private static String desktopName(InstanceRecord record) {
        return Objects.requireNonNullElse(record.name(), record.computeId());
    }
}
