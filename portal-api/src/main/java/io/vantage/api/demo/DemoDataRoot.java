package io.vantage.api.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.vantage.api.data.DataProperties;

/**
 * Where the demo's data goes. Instances run as users of their own when the portal is root, and must pass through
 * every folder above the data; a checkout under a private folder ({@code /root}) does not let them, so the default
 * {@code ./.vantage/data} then moves to {@code /var/lib/vantage/data/<hash of the path>}, as the local provider's work
 * dir does. A folder set explicitly is never moved.
 */
@Component
class DemoDataRoot {

    static final String DEFAULT = "./.vantage/data";
    private static final Logger log = LoggerFactory.getLogger(DemoDataRoot.class);

    private final DataProperties properties;

    DemoDataRoot(DataProperties properties) {
        this.properties = properties;
    }

    Path resolve() {
        Path wanted = Path.of(properties.demoRoot()).toAbsolutePath().normalize();
        if (!DEFAULT.equals(properties.demoRoot()) || !runningAsRoot()) {
            return wanted;
        }
        for (Path folder = wanted.getParent(); folder != null; folder = folder.getParent()) {
            if (Files.exists(folder) && !othersMayPass(folder)) {
                Path moved = Path.of("/var/lib/vantage/data", hash(wanted.toString()));
                log.info("Demo data lives in {}, because {} does not let the instances' users through to {}; set "
                        + "vantage.data.demo-root to choose another folder", moved, folder, wanted);
                return moved;
            }
        }
        return wanted;
    }

    private static boolean othersMayPass(Path folder) {
        try {
            return ((Integer) Files.getAttribute(folder, "unix:mode") & 0001) != 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static String hash(String path) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(path.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
