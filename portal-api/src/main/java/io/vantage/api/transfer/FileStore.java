package io.vantage.api.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.vantage.cloud.api.InstanceFiles;

/**
 * Where an instance's files are reached: the provider itself, or the image's Jupyter. Failures are
 * {@link io.vantage.cloud.api.InstanceFileException}s with a reason.
 */
interface FileStore {

    /** What transfers go through, as people are told ({@code jupyter}, {@code provider}). */
    String via();

    List<InstanceFiles.Entry> list(TransferPath folder);

    InstanceFiles.Download read(TransferPath file);

    void write(TransferPath file, long length, InputStream content, boolean replace) throws IOException;
}
