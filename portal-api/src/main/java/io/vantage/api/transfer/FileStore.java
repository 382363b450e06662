package io.vantage.api.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;

import io.vantage.cloud.api.InstanceFiles;

/**
 * Where an instance's files are reached: the provider itself, the image's Jupyter, or the image's file service.
 * Failures are {@link io.vantage.cloud.api.InstanceFileException}s with a reason.
 */
interface FileStore {

    /** How folders are shown: folders first, then by name. */
    Comparator<InstanceFiles.Entry> ORDER = Comparator.comparing((InstanceFiles.Entry e) -> !e.directory())
            .thenComparing(InstanceFiles.Entry::name);

    /** What transfers go through, as people are told ({@code jupyter}, {@code provider}, {@code image}). */
    String via();

    List<InstanceFiles.Entry> list(TransferPath folder);

    InstanceFiles.Download read(TransferPath file);

    void write(TransferPath file, long length, InputStream content, boolean replace) throws IOException;
}
