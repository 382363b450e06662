package io.vantage.etl.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.vantage.domain.etl.EtlRun.Policy;

/**
 * Everything the user-office import can be told ({@code vantage.etl.*}). Defaults are documented in
 * {@code etl/README.md} and {@code vantage-etl.yml}.
 *
 * @param source            where the data comes from: files, a generic REST API, or SciCat
 * @param policy            ALL_OR_NOTHING: any problem stops the run and nothing changes; SKIP_INVALID: rows with
 *                          problems are skipped and nothing they touch changes, the rest is imported
 * @param maxErrors         with SKIP_INVALID, a run with more problems than this stops anyway (an export that broken
 *                          is not trusted); unset = no limit
 * @param maxStoredErrors   problems kept in the run's record (all are counted)
 * @param ending            how much one run may end before it stops and asks for confirmation
 * @param roleMapping       user-office role name → portal role, for names that differ ({@code Staff: STAFF}); any
 *                          other unknown name is a problem, never a new group
 * @param timeZone          zone of date-times given without an offset, and of plain dates used as date-times
 * @param progressEveryRows log progress after this many rows of one entity
 * @param progressInterval  ... or after this much time, whichever comes first
 */
@ConfigurationProperties("vantage.etl")
public record EtlProperties(@DefaultValue("files") Source source,
                            @DefaultValue("ALL_OR_NOTHING") Policy policy,
                            Integer maxErrors,
                            @DefaultValue("100000") int maxStoredErrors,
                            @DefaultValue("UTC") ZoneId timeZone,
                            @DefaultValue("100000") int progressEveryRows,
                            @DefaultValue("10s") Duration progressInterval,
                            @DefaultValue Files files,
                            @DefaultValue Rest rest,
                            @DefaultValue SciCat scicat,
                            @DefaultValue Schedule schedule,
                            @DefaultValue Ending ending,
                            Map<String, String> roleMapping) {

    public EtlProperties {
        roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
        if (maxErrors != null && maxErrors < 0) {
            throw new IllegalArgumentException("vantage.etl.max-errors must be >= 0 (or unset for no limit)");
        }
    }

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

    /**
     * The bound on ending: a run that would end more than {@code maxPercent} % of the active rows of a kind (people,
     * role grants, instrument scientists, proposals, experiments, memberships) stops before changing anything and
     * waits for confirmation, unless it ends at most {@code minRows} rows of that kind.
     *
     * @param maxPercent share of a kind one run may end without confirmation
     * @param minRows    so many rows of a kind may always end (small facilities, tests)
     */
    public record Ending(@DefaultValue("5") double maxPercent, @DefaultValue("10") int minRows) {

        public Ending {
            if (maxPercent < 0 || maxPercent > 100 || minRows < 0) {
                throw new IllegalArgumentException("vantage.etl.ending.max-percent must be 0..100 and min-rows >= 0");
            }
        }
    }
}
