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
 * A desktop: TigerVNC's Xvnc (an X server and a VNC server in one) on a free display and port with the instance's
 * VNC password, openbox, and a coloured xterm (so the screen is visibly alive). Xvnc is the essential process; the
 * user may close the xterm or leave openbox without breaking the instance. Xvnc resizes its screen when a viewer
 * asks (RFB SetDesktopSize), so the desktop follows the browser's window.
 */
final class DesktopLauncher implements Launcher {

    private static final int ATTEMPTS = 3;

    @Override
    public List<String> programs() {
        return List.of("setsid", "setpriv", "Xvnc", "openbox", "xterm");
    }

    @Override
    public void writeSecrets(InstancePaths paths, String secret, InstanceUser owner) {
        SecureFiles.write(paths.vncPassword(), VncPasswordFile.content(secret), owner);
    }

    @Override
    public void launch(Launch launch) throws LaunchException, InterruptedException {
        DisplayAllocator.ensureSocketFolder();
        int display = startXvnc(launch);
        Map<String, String> x11 = Map.of("DISPLAY", ":" + display,
                "XAUTHORITY", launch.paths().xauthority().toAbsolutePath().toString());
        launch.start("openbox", false, List.of(launch.executable("openbox"), "--sm-disable"), x11);
        launch.start("xterm", false, List.of(launch.executable("xterm"), "-title", "Vantage desktop",
                "-geometry", "100x30+40+40", "-bg", "#1d3557", "-fg", "#f1faee"), x11);
    }

    private int startXvnc(Launch launch) throws LaunchException, InterruptedException {
        LocalSettings settings = launch.settings();
        Set<Integer> tried = new HashSet<>();
        String failure = "no attempt";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int display = DisplayAllocator.reserve(settings.firstDisplay(), tried);
            tried.add(display);
            try {
                int port = PortAllocator.freePort(settings.bindAddress());
                launch.writeSecret(launch.paths().xauthority(), XAuthorityFile.content(display));
                ProcessRecord xvnc = launch.start("xvnc", true, command(launch, display, port), Map.of());
                if (launch.awaitReady(xvnc, () -> ownsDisplay(xvnc, display) && launch.accepts(port))) {
                    launch.display(display);
                    launch.port(settings.vncPort(), port);
                    return display;
                }
                failure = "Xvnc could not serve :" + display + " on port " + port + ": " + launch.logTail("xvnc");
                launch.discard(xvnc);
            } finally {
                // from here on Xvnc's own lock file keeps the number taken
                DisplayAllocator.release(display);
            }
        }
        throw new LaunchException(failure);
    }

    private static List<String> command(Launch launch, int display, int port) {
        LocalSettings settings = launch.settings();
        InstanceRecord record = launch.record();
        List<String> command = new ArrayList<>(List.of(launch.executable("Xvnc"), ":" + display,
                "-geometry", record.screenWidth() + "x" + record.screenHeight(), "-depth", "24", "-dpi", "96",
                "-auth", launch.paths().xauthority().toAbsolutePath().toString(),
                "-nolisten", "tcp", "-noreset",
                "-rfbport", Integer.toString(port), "-interface", settings.bindAddress(), "-UseIPv6=0",
                "-SecurityTypes", "VncAuth",
                "-PasswordFile", launch.paths().vncPassword().toAbsolutePath().toString(),
                // members join the owner's screen; nobody's viewer disconnects another's
                "-AlwaysShared",
                // every connection comes from the portal's address: a blacklist after failed attempts would let
                // anyone on this host lock the portal out of the desktop
                "-UseBlacklist=0",
                "-desktop", "Vantage " + desktopName(record)));
        if (settings.bindAddress().equals("127.0.0.1")) {
            command.add("-localhost");
        }
        return command;
    }

    /**
     * The lock file names our Xvnc and its socket exists. The socket alone could belong to another X server that
     * won the race for the same number, while ours is about to exit.
     */
    private static boolean ownsDisplay(ProcessRecord xvnc, int display) {
        try {
            return Long.toString(xvnc.pid()).equals(Files.readString(DisplayAllocator.lockFile(display)).trim())
                    && Files.exists(DisplayAllocator.socket(display));
        } catch (IOException e) {
            return false;
        }
    }

    private static String desktopName(InstanceRecord record) {
        return Objects.requireNonNullElse(record.name(), record.computeId());
    }
}
