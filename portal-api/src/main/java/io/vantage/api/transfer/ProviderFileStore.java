package io.vantage.api.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.vantage.cloud.api.InstanceFiles;

/** The files of a machine its provider reaches itself (the local provider's homes and data folders). */
record ProviderFileStore(InstanceFiles files, String computeId) implements FileStore {

    @Override
    public String via() {
        return "provider";
    }

    @Override
    public List<InstanceFiles.Entry> list(TransferPath folder) {
        return files.list(computeId, folder.names());
    }

    @Override
    public InstanceFiles.Download read(TransferPath file) {
        return files.read(computeId, file.names());
    }

    @Override
    public void write(TransferPath file, long length, InputStream content, boolean replace) throws IOException {
        files.write(computeId, file.names(), length, content, replace);
    }
}
