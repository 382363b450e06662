package io.vantage.domain.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The embedded server's superuser password: generated once, kept in {@code vantage-password} inside the data
 * directory, readable by the portal's user only. Letters and digits only, so it needs no quoting anywhere.
 */
final class DatabasePassword {

    static final String FILE_NAME = "vantage-password";
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private DatabasePassword() {
    }

    /** About 190 bits. */
    static String generate() {
        char[] password = new char[33];
        for (int i = 0; i < password.length; i++) {
            password[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(password);
    }

    static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    static String read(Path dataDir) {
        try {
            return Files.readString(file(dataDir), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the password into a new {@code rw-------} file, then gives it its name: never readable by others. */
    static void write(Path file, String password) {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temporary);
            Files.createFile(temporary,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, password, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A private temporary copy for {@code initdb --pwfile}, deleted by the caller once the server runs. */
    static Path temporaryFile(String password) {
        try {
            Path file = Files.createTempFile("vantage-initdb-", ".pw",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
