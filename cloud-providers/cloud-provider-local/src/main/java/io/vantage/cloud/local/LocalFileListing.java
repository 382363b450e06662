package io.vantage.cloud.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import io.vantage.cloud.api.InstanceFiles.Entry;

/**
 * Folder listings of {@link LocalFiles}: what the helper printed ({@code kind,size,mtime,writable,hex-name} each),
 * and the data folders the portal laid itself.
 */
final class LocalFileListing {

    private static final Comparator<Entry> ORDER = Comparator.comparing((Entry entry) -> !entry.directory())
            .thenComparing(Entry::name);

    private LocalFileListing() {
    }

    /** Links are left out (never followed), except the home's {@code data}, shown as the folder it stands for. */
    static List<Entry> parse(String answer, boolean home) {
        List<Entry> entries = new ArrayList<>();
        for (String item : answer.trim().split(" ")) {
            String[] fields = item.split(",");
            if (fields.length != 5) {
                continue;
            }
            String kind = fields[0];
            String name = new String(HexFormat.of().parseHex(fields[4]), StandardCharsets.UTF_8);
            boolean dataLink = home && name.equals("data") && kind.equals("link");
            if (kind.equals("dir") || kind.equals("file") || dataLink) {
                entries.add(new Entry(name, !kind.equals("file"), kind.equals("file") ? Long.parseLong(fields[1]) : 0,
                        Instant.ofEpochSecond(Long.parseLong(fields[2])), fields[3].equals("1")));
            }
        }
        entries.sort(ORDER);
        return entries;
    }

    /** {@code data/}: one folder per data link the provider made. */
    static List<Entry> dataFolders(Path linkFolder) {
        try (Stream<Path> links = Files.list(linkFolder)) {
            return links.map(link -> new Entry(link.getFileName().toString(), true, 0, Instant.EPOCH, false))
                    .sorted(ORDER).toList();
        } catch (java.nio.file.NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
