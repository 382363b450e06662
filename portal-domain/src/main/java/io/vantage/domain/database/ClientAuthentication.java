package io.vantage.domain.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/**
 * The server's {@code pg_hba.conf}: every connection, over TCP and over the Unix socket alike, must give the
 * password (scram-sha-256). Instances run code of visiting scientists on the same machine; the socket and the
 * loopback port are open to all of them.
 */
final class ClientAuthentication {

    static final String CONTENT = """
            # Written by Vantage: every connection needs the password (scram-sha-256), socket and TCP alike.
            # TYPE  DATABASE     USER  ADDRESS       METHOD
            local   all          all                 scram-sha-256
            local   replication  all                 scram-sha-256
            host    all          all   127.0.0.1/32  scram-sha-256
            host    all          all   ::1/128       scram-sha-256
            host    replication  all   127.0.0.1/32  scram-sha-256
            host    replication  all   ::1/128       scram-sha-256
            """;
    private static final Pattern TRUST = Pattern.compile("(?m)^[^#\\n]*\\btrust\\b");

    private ClientAuthentication() {
    }

    static Path file(Path dataDir) {
        return dataDir.resolve("pg_hba.conf");
    }

    /** Whether a line lets someone in without a password: a data directory from before passwords (or initdb's). */
    static boolean trustsAnyone(Path dataDir) {
        try {
            return TRUST.matcher(Files.readString(file(dataDir), StandardCharsets.UTF_8)).find();
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the file atomically; the server reads it at start, or when asked to reload. */
    static void requirePasswords(Path dataDir) {
        Path temporary = dataDir.resolve(".pg_hba.conf.tmp");
        try {
            Files.writeString(temporary, CONTENT, StandardCharsets.UTF_8);
            Files.move(temporary, file(dataDir), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
