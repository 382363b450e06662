package io.vantage.api.data;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one dataset from SciCat ({@code GET <baseUrl>/Datasets/<pid>}, the PID URL-encoded as SciCat expects it),
 * with the configured timeout; answers are kept a short while because the wizard's steps ask again. A PID SciCat
 * does not know (404, or 200 with an empty body, as some versions answer) is empty; anything else that is not a
 * dataset is {@link CatalogueUnavailableException}.
 */
@Component
class SciCatClient {

    private static final Logger log = LoggerFactory.getLogger(SciCatClient.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Cached(Optional<Dataset> dataset, Instant until) {
    }

    private final DataProperties.SciCat settings;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    SciCatClient(DataProperties properties, Clock clock) {
        this.settings = properties.scicat();
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    boolean configured() {
        return settings.configured();
    }

    Optional<Dataset> find(String pid) {
        Instant now = clock.instant();
        Cached cached = cache.get(pid);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.dataset();
        }
        Optional<Dataset> dataset = fetch(pid);
        if (cache.size() > 1000) {
            cache.clear();
        }
        cache.put(pid, new Cached(dataset, now.plus(settings.cacheFor())));
        return dataset;
    }

    private Optional<Dataset> fetch(String pid) {
        String base = settings.baseUrl().endsWith("/") ? settings.baseUrl() : settings.baseUrl() + "/";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "Datasets/"
                        + URLEncoder.encode(pid, StandardCharsets.UTF_8).replace("+", "%20")))
                .timeout(settings.timeout()).header("Accept", "application/json").GET();
        if (settings.token() != null && !settings.token().isBlank()) {
            request.header("Authorization", "Bearer " + settings.token());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            log.warn("SciCat at {} did not answer for dataset {}: {}", settings.baseUrl(), pid, e.toString());
            throw new CatalogueUnavailableException("The data catalogue did not answer (" + e.getClass().getSimpleName()
                    + "); try again in a moment.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogueUnavailableException("Interrupted while asking the data catalogue.");
        }
        if (response.statusCode() == 404 || (response.statusCode() == 200 && response.body().isBlank())) {
            return Optional.empty();
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            log.warn("SciCat refused to read dataset {} (HTTP {}): check vantage.data.scicat.token", pid,
                    response.statusCode());
            throw new CatalogueUnavailableException("The portal may not read this dataset in the data catalogue "
                    + "(HTTP " + response.statusCode() + "); tell the portal's admins.");
        }
        if (response.statusCode() != 200) {
            throw new CatalogueUnavailableException("The data catalogue answered HTTP " + response.statusCode()
                    + "; try again in a moment.");
        }
        return Optional.of(parse(pid, response.body()));
    }

    private static Dataset parse(String pid, String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (RuntimeException e) {
            throw new CatalogueUnavailableException("The data catalogue's answer for " + pid + " is not JSON.");
        }
        List<String> accessGroups = new ArrayList<>();
        json.path("accessGroups").forEach(group -> accessGroups.add(group.asString()));
        String folder = text(json, "sourceFolder");
        return new Dataset(text(json, "pid") == null ? pid : text(json, "pid"), folder,
                text(json, "proposalId"), text(json, "ownerGroup"), accessGroups, text(json, "instrumentId"),
                text(json, "datasetName"));
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString().strip();
    }
}
