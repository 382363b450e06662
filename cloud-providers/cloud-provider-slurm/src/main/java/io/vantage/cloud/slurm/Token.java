package io.vantage.cloud.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vantage.cloud.api.CloudPermanentException;

/**
 * The JWT sent as {@code X-SLURM-USER-TOKEN}: the setting, or the file's content. Tokens expire, so sites rotate the
 * file (e.g. {@code scontrol token lifespan=...} from cron); it is read again whenever its modification time changes.
 */
final class Token {

    private static final Pattern EXP = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)");

    private final String fixed;
    private final Path file;
    private FileTime readAt;
    private String fromFile;

    Token(String fixed, String file) {
        this.fixed = fixed == null || fixed.isBlank() ? null : fixed.trim();
        this.file = file == null || file.isBlank() ? null : Path.of(file);
    }

    synchronized String value() {
        if (fixed != null) {
            return fixed;
        }
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (fromFile == null || !modified.equals(readAt)) {
                String content = Files.readString(file, StandardCharsets.UTF_8).trim();
                // the form scontrol token prints
                fromFile = content.startsWith("SLURM_JWT=") ? content.substring("SLURM_JWT=".length()) : content;
                readAt = modified;
            }
            return fromFile;
        } catch (IOException e) {
            throw new CloudPermanentException("Cannot read the Slurm token file " + file + " (setting token-file): "
                    + e.getMessage(), e);
        }
    }

    /**
     * When the JWT says it expires ({@code exp}), to explain a refusal: Slurm 22.05 answers an expired token like a
     * controller that is down. The signature is Slurm's business, not checked here.
     */
    Optional<Instant> expiry() {
        try {
            String[] parts = value().split("\\.");
            if (parts.length < 2) {
                return Optional.empty();
            }
            Matcher exp = EXP.matcher(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return exp.find() ? Optional.of(Instant.ofEpochSecond(Long.parseLong(exp.group(1)))) : Optional.empty();
        } catch (IllegalArgumentException | CloudPermanentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return fixed != null ? "****" : "file " + file;
    }
}
