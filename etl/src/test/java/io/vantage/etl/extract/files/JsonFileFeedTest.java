package io.vantage.etl.extract.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vantage.etl.extract.SourceFormatException;
import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.RawRecord;

class JsonFileFeedTest {

    @TempDir
    Path dir;

    @Test
    void mapsValuesAndNumbersRecordsWithTheirLine() throws IOException {
        List<RawRecord> records = read(EntityType.EXPERIMENTS, """
                [
                  {"id": 42, "proposal_id": "P1", "instrument_id": "D22", "title": "  t  ",
                   "start_date": "2025-01-01T00:00:00Z", "end_date": null, "unknown": true},
                  {"id": "E2", "proposal_id": {"id": "P1"}, "doi": ["a"]}
                ]""");
        assertThat(records).hasSize(2);
        RawRecord first = records.get(0);
        assertThat(first.location()).isEqualTo("record 1 (line 2)");
        assertThat(first.get("id")).isEqualTo("42");
        assertThat(first.get("title")).isEqualTo("t");
        assertThat(first.get("end_date")).isNull();
        assertThat(first.problems()).isEmpty();
        RawRecord second = records.get(1);
        assertThat(second.location()).isEqualTo("record 2 (line 4)");
        assertThat(second.problems()).containsEntry("proposal_id", "expected a single value but found an object")
                .containsEntry("doi", "expected a single value but found an array");
    }

    @Test
    void malformedJsonRejectsTheFileWithItsPosition() {
        assertThatThrownBy(() -> read(EntityType.USERS, "[\n {\"id\": \"U1\", \"last_name\": \"A\"},\n {\"id\": }\n]"))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageStartingWith("users.json line 3, column 9: the JSON is malformed");
    }

    @Test
    void theFileMustBeAnArray() {
        assertThatThrownBy(() -> read(EntityType.USERS, "{\"users\": []}"))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage("users.json line 1: expected a JSON array of objects");
    }

    @Test
    void invalidUtf8IsReportedOnItsRecordAndField() throws IOException {
        byte[] bytes = "[{\"id\": \"U1\", \"last_name\": \"M\u00fcller\"}]".getBytes(StandardCharsets.ISO_8859_1);
        List<RawRecord> records = read(EntityType.USERS, bytes);
        assertThat(records.get(0).problems()).containsKey("last_name");
        assertThat(records.get(0).location()).isEqualTo("record 1 (line 1)");
    }

    private List<RawRecord> read(EntityType entity, String content) throws IOException {
        return read(entity, content.getBytes(StandardCharsets.UTF_8));
    }

    private List<RawRecord> read(EntityType entity, byte[] content) throws IOException {
        Path file = dir.resolve(entity.key() + ".json");
        Files.write(file, content);
        List<RawRecord> records = new ArrayList<>();
        new JsonFileFeed(entity, file).read(records::add);
        return records;
    }
}
