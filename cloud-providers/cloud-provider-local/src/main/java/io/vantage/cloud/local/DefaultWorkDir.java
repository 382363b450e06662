package io.vantage.cloud.local;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the default work dir ({@code ./.vantage/local}) really goes. With a user per instance, every folder above
 * it must let other users through; a checkout under a private folder ({@code /root}, a {@code mktemp -d} folder, a
 * {@code 0700} home) does not. The demo must still open a desktop there, so instead of failing, the default moves
 * to {@code /var/lib/vantage/local/<hash of the folder it would have used>}: the same folder at every start from
 * the same checkout, and a different one per checkout. A work dir set explicitly is never moved.
 */
final class DefaultWorkDir {

    static final Path SYSTEM_ROOT = Path.of("/var/lib/vantage/local");
    private static final Logger log = LoggerFactory.getLogger(DefaultWorkDir.class);

    private DefaultWorkDir() {
    }

    static LocalSettings resolve(String providerName, LocalSettings settings, boolean users) {
        return resolve(providerName, settings, users, Path.of(LocalSettings.DEFAULT_WORK_DIR));
    }

    /** @param defaultDir the default work dir, resolved against the folder the portal started in */
    static LocalSettings resolve(String providerName, LocalSettings settings, boolean users, Path defaultDir) {
        if (!users || !LocalSettings.DEFAULT_WORK_DIR.equals(settings.workDir())) {
            return settings;
        }
        Path wanted = defaultDir.toAbsolutePath().normalize();
        Optional<Path> blocked = InstanceIsolation.blockedAncestor(wanted.getParent());
        if (blocked.isEmpty()) {
            return settings;
        }
        Path moved = SYSTEM_ROOT.resolve(hash(wanted.toString()));
        log.info("Local provider '{}': instance folders live in {}, because {} does not let the instances' users "
                + "through to {}; set workDir to choose another folder", providerName, moved, blocked.get(), wanted);
        return settings.withWorkDir(moved.toString());
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
