package io.vantage.cloud.proxmox;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vantage.cloud.api.CloudTransientException;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files each machine's cloud-init reads, on a Proxmox storage the portal also mounts ({@code snippets-dir}):
 * user data and meta-data, referenced by the VM's {@code cicustom}. Next to them, a create journal records the VM id
 * a create chose before it clones: a full clone shows neither name nor tags until its disks are copied, and the
 * journal is how a create asked again, or the orphan sweep, finds that VM.
 */
final class Snippets {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What a create has set in motion; {@code deployment} keeps two portals sharing one folder apart.
     *
     * @param created epoch seconds
     */
    record Journal(String deployment, String instanceUid, int vmid, String name, String node, long created) {

        Instant createdAt() {
            return Instant.ofEpochSecond(created);
        }
    }

    private final Path dir;
    private final String storage;

    Snippets(Path dir, String storage) {
        this.dir = dir;
        this.storage = storage;
    }

    void write(String uid, String userData, String metaData) {
        write(dir.resolve(base(uid) + "-user.yaml"), userData);
        write(dir.resolve(base(uid) + "-meta.yaml"), metaData);
    }

    /** The VM's {@code cicustom}: its user data and meta-data as volumes of the snippets storage. */
    String cicustom(String uid) {
        return "user=" + storage + ":snippets/" + base(uid) + "-user.yaml,meta=" + storage + ":snippets/"
                + base(uid) + "-meta.yaml";
    }

    void record(Journal journal) {
        try {
            write(journalFile(journal.instanceUid()), JSON.writeValueAsString(journal));
        } catch (IOException e) {
            throw new CloudTransientException("Could not record the create of " + journal.instanceUid() + " in "
                    + dir + ": " + e.getMessage(), e);
        }
    }

    Optional<Journal> journal(String uid) {
        Path file = journalFile(uid);
        try {
            return Files.exists(file) ? Optional.of(JSON.readValue(file.toFile(), Journal.class)) : Optional.empty();
        } catch (IOException e) {
            throw new CloudTransientException("Could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The creates of one deployment that have not finished (or not been cleaned up). */
    List<Journal> journals(String deployment) {
        List<Journal> journals = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "vantage-*-create.json")) {
            for (Path file : files) {
                try {
                    Journal journal = JSON.readValue(file.toFile(), Journal.class);
                    if (deployment.equals(journal.deployment())) {
                        journals.add(journal);
                    }
                } catch (IOException unreadable) {
                    // another portal's half-written file, or not ours: the next sweep reads it again
                }
            }
        } catch (IOException e) {
            throw new CloudTransientException("Could not list " + dir + ": " + e.getMessage(), e);
        }
        return journals;
    }

    void forgetCreate(String uid) {
        delete(journalFile(uid));
    }

    /** Removes every file of the instance; missing ones are fine, so this can be repeated. */
    void remove(String uid) {
        delete(dir.resolve(base(uid) + "-user.yaml"));
        delete(dir.resolve(base(uid) + "-meta.yaml"));
        delete(journalFile(uid));
    }

    private Path journalFile(String uid) {
        return dir.resolve(base(uid) + "-create.json");
    }

    private static String base(String uid) {
        return "vantage-" + VmTags.encode(uid);
    }

    /** Written beside the target and moved over it, so Proxmox never reads half a file; readable by its owner only. */
    private static void write(Path file, String content) {
        try {
            Path temporary = Files.createTempFile(file.getParent(), ".vantage-", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temporary, content);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CloudTransientException("Could not write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new CloudTransientException("Could not remove " + file + ": " + e.getMessage(), e);
        }
    }
}
