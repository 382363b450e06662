package io.vantage.etl.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything the user-office import can be told ({@code vantage.etl.*}). Defaults are documented in
 * {@code etl/README.md} and {@code vantage-etl.yml}.
 *
 * @param source            where the data comes from: files, a generic REST API, or SciCat
 * @param maxErrors         problems tolerated before a run aborts; 0 = abort on the first. Rows with problems are
 *                          skipped when the run goes on
 * @param maxStoredErrors   problems kept in the run's record (all are counted)
 * @param timeZone          zone of date-times given without an offset, and of plain dates used as date-times
 * @param progressEveryRows log progress after this many rows of one entity
 * @param progressInterval  ... or after this much time, whichever comes first
 */
@ConfigurationProperties("vantage.etl")
public record EtlProperties(@DefaultValue("files") Source source,
                            @DefaultValue("0") int maxErrors,
                            @DefaultValue("200") int maxStoredErrors,
                            @DefaultValue("UTC") ZoneId timeZone,
                            @DefaultValue("100000") int progressEveryRows,
                            @DefaultValue("10s") Duration progressInterval,
                            @DefaultValue Files files,
                            @DefaultValue Rest rest,
                            @DefaultValue SciCat scicat,
                            @DefaultValue Schedule schedule) {

    public enum Source { FILES, REST, SCICAT }

    public enum AuthType { NONE, BEARER, BASIC }

    public enum Paging { PAGE, NEXT_LINK, NONE }

    /** @param dir folder with one CSV or JSON file per entity (see etl/README.md) */
    public record Files(@DefaultValue("./user-office") Path dir) {
    }

    /**
     * A generic paged JSON API.
     *
     * @param entities per entity (users, proposals, ...): where to fetch it and how to map its fields; an entity
     *                 without an entry is not imported (references to it are checked against the database)
     */
    public record Rest(URI baseUrl,
                       @DefaultValue Auth auth,
                       @DefaultValue("10s") Duration connectTimeout,
                       @DefaultValue("60s") Duration readTimeout,
                       @DefaultValue("500") int pageSize,
                       Map<String, Endpoint> entities) {

        public Rest {
            entities = entities == null ? Map.of() : Map.copyOf(entities);
        }
    }

    /** Bearer sends {@code token}; basic sends {@code username}/{@code password}. */
    public record Auth(@DefaultValue("NONE") AuthType type, String token, String username, String password) {
    }

    /**
     * One entity's endpoint.
     *
     * @param path      appended to the base URL (may carry a fixed query)
     * @param items     JSON pointer (or dotted path) to the array of items in a page; empty = the page is the array
     * @param each      optional pointer to an array inside each item: one record per element; fields starting
     *                  with {@code ^} are then read from the enclosing item
     * @param paging    PAGE (query parameters with {page}, {size}, {offset}), NEXT_LINK (follow a link in the
     *                  body) or NONE
     * @param query     query parameters added for PAGE paging; values may use {page}, {size} and {offset}
     * @param firstPage number of the first page (0 or 1, usually)
     * @param nextLink  pointer to the next page's URL (NEXT_LINK); absent, null or empty = last page
     * @param fields    entity field → JSON pointer ({@code /name/last}) or dotted path ({@code name.last})
     */
    public record Endpoint(String path,
                           @DefaultValue("") String items,
                           @DefaultValue("") String each,
                           @DefaultValue("PAGE") Paging paging,
                           Map<String, String> query,
                           @DefaultValue("0") int firstPage,
                           @DefaultValue("/next") String nextLink,
                           Map<String, String> fields) {

        public Endpoint {
            query = query == null ? Map.of("page", "{page}", "size", "{size}") : Map.copyOf(query);
            fields = fields == null ? Map.of() : Map.copyOf(fields);
        }
    }

    /** The SciCat preset: proposals, their measurement periods (experiments) and instruments. */
    public record SciCat(URI baseUrl,
                         String token,
                         @DefaultValue("100") int pageSize,
                         @DefaultValue("10s") Duration connectTimeout,
                         @DefaultValue("60s") Duration readTimeout) {
    }

    /**
     * The nightly run inside the portal.
     *
     * @param enabled        off by default: the portal only imports when asked to
     * @param cron           Spring cron expression (second minute hour day month weekday)
     * @param lockAtMostFor  a replica that died keeps the lock at most this long
     * @param lockAtLeastFor keeps the lock this long even after a quick run, so replicas with skewed clocks skip
     */
    public record Schedule(@DefaultValue("false") boolean enabled,
                           @DefaultValue("0 30 2 * * *") String cron,
                           @DefaultValue("4h") Duration lockAtMostFor,
                           @DefaultValue("1m") Duration lockAtLeastFor) {
    }
}
