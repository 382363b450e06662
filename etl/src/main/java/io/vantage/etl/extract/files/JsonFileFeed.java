package io.vantage.etl.extract.files;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.etl.extract.Feed;
import io.vantage.etl.extract.JsonValues;
import io.vantage.etl.extract.SourceFormatException;
import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.RawRecord;
import io.vantage.etl.model.Schema;

/** An entity as a JSON array of flat objects keyed by field name; streamed one object at a time. */
final class JsonFileFeed implements Feed {

    // records are read one by one from a stream that goes on after each: trailing tokens are expected
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private final EntityType entity;
    private final Path path;

    JsonFileFeed(EntityType entity, Path path) {
        this.entity = entity;
        this.path = path;
    }

    @Override
    public EntityType entity() {
        return entity;
    }

    @Override
    public String describe() {
        return path.toString();
    }

    @Override
    public void read(Consumer<RawRecord> sink) throws IOException {
        String source = path.getFileName().toString();
        try (Reader reader = TextFiles.utf8(path); JsonParser parser = MAPPER.createParser(reader)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new SourceFormatException(source, "line " + parser.currentTokenLocation().getLineNr(),
                        "expected a JSON array of objects");
            }
            long number = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                number++;
                String location = "record " + number + " (line " + parser.currentTokenLocation().getLineNr() + ")";
                JsonNode node = MAPPER.readTree(parser);
                Map<String, String> values = new HashMap<>();
                Map<String, String> problems = new HashMap<>();
                if (!node.isObject()) {
                    throw new SourceFormatException(source, location, "expected an object but found " + node);
                }
                for (String field : Schema.fieldNames(entity)) {
                    JsonValues.put(field, node.get(field), values, problems);
                }
                TextFiles.flagBadEncoding(values, problems);
                sink.accept(new RawRecord(source, location, values, problems));
            }
        } catch (SourceFormatException e) {
            throw e;
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new SourceFormatException(source, at == null ? null : "line " + at.getLineNr() + ", column "
                    + at.getColumnNr(), "the JSON is malformed (" + e.getOriginalMessage() + ")");
        }
    }
}
