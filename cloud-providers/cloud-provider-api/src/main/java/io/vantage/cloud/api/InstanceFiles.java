package io.vantage.cloud.api;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/**
 * Files of a machine's user, reached by the provider itself (the local provider: the instance user's home and data
 * folders on the portal's host). Paths are lists of plain names below the user's home, already checked by the portal
 * (no {@code ..}, no {@code /}); the provider still follows no link a user could have planted, and reads and writes
 * as the instance's user, never with the portal's privileges. Optional: {@link CloudProvider#files()}.
 */
public interface InstanceFiles {

    /** One entry of a folder; {@code writable} says whether the instance's user may write it. */
    record Entry(String name, boolean directory, long size, Instant modified, boolean writable) {
    }

    /** An open file being read; closing it releases whatever reads it. */
    interface Download extends Closeable {
        long size();

        InputStream stream();
    }

    List<Entry> list(String computeId, List<String> folder);

    Download read(String computeId, List<String> file);

    /**
     * Writes exactly {@code length} bytes from {@code content} to the file, atomically: the file appears whole or not
     * at all (a shorter stream leaves nothing behind).
     *
     * @param replace whether an existing file is replaced; otherwise {@link InstanceFileException.Reason#EXISTS}
     */
    void write(String computeId, List<String> file, long length, InputStream content, boolean replace)
            throws IOException;
}
