package io.vantage.etl.extract.rest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;

import io.vantage.etl.config.EtlProperties.Endpoint;
import io.vantage.etl.config.EtlProperties.Paging;
import io.vantage.etl.extract.Feed;
import io.vantage.etl.extract.SourceFormatException;
import io.vantage.etl.model.EntityType;
import io.vantage.etl.model.RawRecord;

/** One entity from a paged JSON endpoint; pages are fetched one at a time, records numbered within their page. */
final class RestFeed implements Feed {

    private final EntityType entity;
    private final HttpJson http;
    private final URI url;
    private final Endpoint endpoint;
    private final int pageSize;
    private final FieldMapping mapping;
    private final JsonPointer items;
    private final JsonPointer each;
    private final JsonPointer nextLink;

    RestFeed(EntityType entity, HttpJson http, URI baseUrl, Endpoint endpoint, int pageSize) {
        if (endpoint.path() == null) {
            throw new IllegalArgumentException("The endpoint for " + entity.key() + " needs a path");
        }
        this.entity = entity;
        this.http = http;
        this.url = URI.create(baseUrl.toString().replaceAll("/+$", "") + endpoint.path());
        this.endpoint = endpoint;
        this.pageSize = pageSize;
        this.mapping = new FieldMapping(entity, endpoint.fields());
        this.items = FieldMapping.pointer(endpoint.items());
        this.each = endpoint.each().isEmpty() ? null : FieldMapping.pointer(endpoint.each());
        this.nextLink = FieldMapping.pointer(endpoint.nextLink());
    }

    @Override
    public EntityType entity() {
        return entity;
    }

    @Override
    public String describe() {
        return url.toString();
    }

    @Override
    public void read(Consumer<RawRecord> sink) throws IOException {
        int page = endpoint.firstPage();
        URI next = endpoint.paging() == Paging.PAGE ? pageUrl(page) : url;
        while (next != null) {
            JsonNode body = http.get(next);
            JsonNode array = body.at(items);
            if (!array.isArray()) {
                throw new SourceFormatException(next.toString(), null, "expected an array of items at '"
                        + endpoint.items() + "' but found " + (array.isMissingNode() ? "nothing" : array.getNodeType()));
            }
            emit(next.toString(), array, sink);
            next = switch (endpoint.paging()) {
                case NONE -> null;
                case PAGE -> array.size() < pageSize ? null : pageUrl(++page);
                case NEXT_LINK -> nextLink(next, body);
            };
        }
    }

    private void emit(String source, JsonNode array, Consumer<RawRecord> sink) {
        int number = 0;
        for (JsonNode item : array) {
            number++;
            if (each == null) {
                sink.accept(record(source, "record " + number, item, null));
                continue;
            }
            int element = 0;
            for (JsonNode nested : item.at(each)) {
                element++;
                sink.accept(record(source, "record " + number + ", " + endpoint.each() + " element " + element,
                        nested, item));
            }
        }
    }

    private RawRecord record(String source, String location, JsonNode item, JsonNode parent) {
        Map<String, String> values = new HashMap<>();
        Map<String, String> problems = new HashMap<>();
        mapping.map(item, parent, values, problems);
        return new RawRecord(source, location, values, problems);
    }

    private URI pageUrl(int page) {
        StringBuilder query = new StringBuilder();
        // sorted, so URLs are predictable in logs and tests
        for (var parameter : new TreeMap<>(endpoint.query()).entrySet()) {
            String value = parameter.getValue().replace("{page}", Integer.toString(page))
                    .replace("{size}", Integer.toString(pageSize))
                    .replace("{offset}", Long.toString((long) (page - endpoint.firstPage()) * pageSize));
            query.append(query.isEmpty() ? "" : "&").append(encode(parameter.getKey())).append('=').append(encode(value));
        }
        String base = url.toString();
        return URI.create(query.isEmpty() ? base : base + (base.contains("?") ? "&" : "?") + query);
    }

    private URI nextLink(URI current, JsonNode body) {
        JsonNode link = body.at(nextLink);
        if (link.isMissingNode() || link.isNull() || link.asString().isBlank()) {
            return null;
        }
        return current.resolve(link.asString().strip());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
