package io.vantage.api.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.api.error.FieldException;
import io.vantage.api.security.CurrentUser;
import io.vantage.cloud.api.InstanceFiles;

/**
 * Files of an instance from the browser: list a folder, download a file, upload one (the raw body, streamed, at most
 * {@code vantage.transfer.max-upload-size}), and the owner's switch for guests' downloads.
 */
@RestController
@RequestMapping("/api/instances/{uid}/files")
class TransferController {

    private final FileTransfer transfer;

    TransferController(FileTransfer transfer) {
        this.transfer = transfer;
    }

    record EntryView(String name, String path, boolean directory, long size, Instant modified, boolean writable) {
    }

    record FolderView(String path, List<EntryView> entries, boolean mayUpload, boolean guestsMayDownload,
                      boolean mayChangeSettings, long maxUploadSize, String via) {
    }

    record Uploaded(String path, long size) {
    }

    record Settings(@NotNull(message = "say true or false") Boolean guestsMayDownload) {
    }

    @GetMapping
    FolderView list(CurrentUser user, @PathVariable String uid, @RequestParam(defaultValue = "") String path) {
        FileTransfer.Opened opened = transfer.open(user, uid, false);
        TransferPath folder = TransferPath.parse(path);
        List<EntryView> entries = opened.store().list(folder).stream().map(entry -> new EntryView(entry.name(),
                folder.child(entry.name()).toString(), entry.directory(), entry.size(), entry.modified(),
                entry.writable())).toList();
        return new FolderView(folder.toString(), entries, opened.mayUpload(), opened.guestsMayDownload(),
                opened.mayChangeSettings(), transfer.maxUploadSize(), opened.store().via());
    }

    @GetMapping("/content")
    void download(CurrentUser user, @PathVariable String uid, @RequestParam(defaultValue = "") String path,
                  HttpServletResponse response) throws IOException {
        FileTransfer.Opened opened = transfer.open(user, uid, false);
        TransferPath file = TransferPath.parse(path);
        if (file.isHome()) {
            throw new FieldException("path", "name a file to download");
        }
        try (InstanceFiles.Download download = opened.store().read(file)) {
            response.setContentType("application/octet-stream");
            if (download.size() >= 0) {
                response.setContentLengthLong(download.size());
            }
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                    .filename(SafeFileName.of(file.name()), StandardCharsets.UTF_8).build().toString());
            // the bytes are the instance's: never rendered or run on the portal's origin
            response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            long copied;
            try (InputStream in = download.stream()) {
                OutputStream out = response.getOutputStream();
                copied = in.transferTo(out);
                out.flush();
            }
            transfer.downloaded(user, uid, file, copied);
        }
    }

    @PutMapping("/content")
    @ResponseStatus(HttpStatus.CREATED)
    Uploaded upload(CurrentUser user, @PathVariable String uid, @RequestParam(defaultValue = "") String path,
                    @RequestParam(defaultValue = "false") boolean replace, HttpServletRequest request)
            throws IOException {
        // who may first, so that people who may not see the instance learn nothing from the path's checks
        FileTransfer.Opened opened = transfer.open(user, uid, true);
        TransferPath file = TransferPath.parse(path);
        if (file.isHome()) {
            throw new FieldException("path", "name the file to upload");
        }
        long length = request.getContentLengthLong();
        if (length < 0) {
            throw new UploadSizeException(HttpStatus.LENGTH_REQUIRED, "An upload must say its size (Content-Length).",
                    transfer.maxUploadSize());
        }
        if (length > transfer.maxUploadSize()) {
            throw new UploadSizeException(HttpStatus.PAYLOAD_TOO_LARGE, "The file is "
                    + UploadSizeException.human(length) + ", more than the limit of "
                    + UploadSizeException.human(transfer.maxUploadSize()) + " per upload.", transfer.maxUploadSize());
        }
        opened.store().write(file, length, request.getInputStream(), replace);
        transfer.uploaded(user, uid, file, length);
        return new Uploaded(file.toString(), length);
    }

    @PutMapping("/settings")
    Settings settings(CurrentUser user, @PathVariable String uid, @Valid @RequestBody Settings settings) {
        return new Settings(transfer.letGuestsDownload(user, uid, settings.guestsMayDownload()));
    }
}
