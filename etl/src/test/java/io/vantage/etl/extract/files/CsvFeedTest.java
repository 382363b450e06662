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

class CsvFeedTest {

    @TempDir
    Path dir;

    @Test
    void readsQuotedMultiLineValuesWithTheLineEachRecordStartsOn() throws IOException {
        List<RawRecord> records = read(EntityType.PROPOSALS, "\uFEFFid,title,summary,doi,public_at\n"
                + "P1,\"Magnons, again\",\"two\nlines\",,2026-01-31\n"
                + "\n"
                + "P2,  Spaces are trimmed  ,\"\",10.1/x,\n");
        assertThat(records).hasSize(2);
        assertThat(records.get(0).location()).isEqualTo("line 2");
        assertThat(records.get(0).get("title")).isEqualTo("Magnons, again");
        assertThat(records.get(0).get("summary")).isEqualTo("two\nlines");
        assertThat(records.get(0).get("doi")).isNull();
        assertThat(records.get(1).location()).isEqualTo("line 5");
        assertThat(records.get(1).get("title")).isEqualTo("Spaces are trimmed");
        assertThat(records.get(1).get("summary")).as("empty means absent").isNull();
        assertThat(records.get(1).source()).isEqualTo("proposals.csv");
    }

    @Test
    void aHeaderWithoutARequiredColumnRejectsTheFile() {
        assertThatThrownBy(() -> read(EntityType.USERS, "id,first_name,email\nU1,Ada,ada@example.org\n"))
                .isInstanceOf(SourceFormatException.class)
                .hasMessage("users.csv line 1: the header has no column 'last_name' (it has id, first_name, email)");
    }

    @Test
    void invalidUtf8IsReportedOnItsLineAndField() throws IOException {
        byte[] latin1 = "id,first_name,last_name\nU1,Ada,Lovelace\nU2,Ren\u00e9,Descartes\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        List<RawRecord> records = read(EntityType.USERS, latin1);
        assertThat(records.get(0).problems()).isEmpty();
        assertThat(records.get(1).location()).isEqualTo("line 3");
        assertThat(records.get(1).problems()).containsEntry("first_name",
                "the value holds bytes that are not valid UTF-8 (at character 4); save the file as UTF-8");
        assertThat(records.get(1).get("last_name")).isEqualTo("Descartes");
    }

    @Test
    void aLineWithMoreOrFewerValuesThanTheHeaderIsAProblemOfTheWholeLine() throws IOException {
        List<RawRecord> records = read(EntityType.USERS, "id,first_name,last_name,email,employer_id\n"
                + "U1,Martin Luther,King, Jr.,mlk@example.org,EMP\n"
                + "U2,Ada,Lovelace\n"
                + "U3,Alan,Turing,alan@example.org,EMP\n");
        assertThat(records.get(0).recordProblem()).isEqualTo("the line has 6 values but the header names 5 columns"
                + " (a value holding a comma must be in double quotes)");
        assertThat(records.get(0).get("id")).as("its identity is still read").isEqualTo("U1");
        assertThat(records.get(1).recordProblem()).isEqualTo("the line has 3 values but the header names 5 columns");
        assertThat(records.get(2).recordProblem()).isNull();
    }

    @Test
    void valuesAreCleanedOfEveryKindOfWhiteSpaceAndComposed() throws IOException {
        List<RawRecord> records = read(EntityType.USERS, "id,first_name,last_name\n"
                + "100103\u00A0,Zoe\u0308,\u200BM\u00FCller\n\u00A0,\u00A0,\u00A0\n");
        assertThat(records).as("a line of no-break spaces is blank").hasSize(1);
        assertThat(records.get(0).get("id")).isEqualTo("100103");
        assertThat(records.get(0).get("first_name")).isEqualTo("Zo\u00EB");
        assertThat(records.get(0).get("last_name")).isEqualTo("M\u00FCller");
    }

    @Test
    void anUnterminatedQuoteRejectsTheFile() {
        assertThatThrownBy(() -> read(EntityType.INSTRUMENTS, "id,name\nD22,\"open quote\nIN5,x\n"))
                .isInstanceOf(SourceFormatException.class)
                .hasMessageStartingWith("instruments.csv after line 1: the CSV is malformed");
    }

    private List<RawRecord> read(EntityType entity, String content) throws IOException {
        return read(entity, content.getBytes(StandardCharsets.UTF_8));
    }

    private List<RawRecord> read(EntityType entity, byte[] content) throws IOException {
        Path file = dir.resolve(entity.key() + ".csv");
        Files.write(file, content);
        List<RawRecord> records = new ArrayList<>();
        new CsvFeed(entity, file).read(records::add);
        return records;
    }
}
