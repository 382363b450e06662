package io.vantage.etl.extract.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.vantage.etl.extract.Extractor;
import io.vantage.etl.extract.Feed;
import io.vantage.etl.model.EntityType;

/**
 * A folder with one file per entity, {@code users.csv} or {@code users.json}. Every entity must be there (an empty
 * file is fine): a missing file would otherwise read as "everything vanished".
 */
public final class FileExtractor implements Extractor {

    private final Path dir;

    public FileExtractor(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    @Override
    public String describe() {
        return "files:" + dir;
    }

    @Override
    public List<Feed> feeds() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "the import folder does not exist");
        }
        List<Feed> feeds = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (EntityType entity : EntityType.values()) {
            Path csv = dir.resolve(entity.key() + ".csv");
            Path json = dir.resolve(entity.key() + ".json");
            boolean hasCsv = Files.isRegularFile(csv);
            boolean hasJson = Files.isRegularFile(json);
            if (hasCsv && hasJson) {
                throw new IOException("Both " + csv.getFileName() + " and " + json.getFileName() + " are in " + dir
                        + "; keep one of them");
            }
            if (hasCsv) {
                feeds.add(new CsvFeed(entity, csv));
            } else if (hasJson) {
                feeds.add(new JsonFileFeed(entity, json));
            } else {
                missing.add(entity.key() + ".csv (or .json)");
            }
        }
        if (!missing.isEmpty()) {
            throw new NoSuchFileException(dir.toString(), null, "missing " + String.join(", ", missing));
        }
        return feeds;
    }
}
