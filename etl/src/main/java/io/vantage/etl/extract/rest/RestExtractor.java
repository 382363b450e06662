package io.vantage.etl.extract.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.vantage.etl.config.EtlProperties.Endpoint;
import io.vantage.etl.config.EtlProperties.Rest;
import io.vantage.etl.extract.Extractor;
import io.vantage.etl.extract.Feed;
import io.vantage.etl.model.EntityType;

/** A user-office REST API described entirely by configuration ({@code vantage.etl.rest.*}). */
public final class RestExtractor implements Extractor {

    private final String name;
    private final Rest settings;

    public RestExtractor(String name, Rest settings) {
        if (settings.baseUrl() == null) {
            throw new IllegalArgumentException("vantage.etl." + name + ".base-url must be set");
        }
        if (settings.entities().isEmpty()) {
            throw new IllegalArgumentException("vantage.etl." + name + ".entities configures no entity");
        }
        this.name = name;
        this.settings = settings;
    }

    @Override
    public String describe() {
        return name + ":" + settings.baseUrl();
    }

    @Override
    public List<Feed> feeds() {
        HttpJson http = new HttpJson(settings.auth(), settings.connectTimeout(), settings.readTimeout());
        List<Feed> feeds = new ArrayList<>();
        for (Map.Entry<String, Endpoint> entry : settings.entities().entrySet()) {
            EntityType entity = EntityType.fromKey(entry.getKey());
            feeds.add(new RestFeed(entity, http, settings.baseUrl(), entry.getValue(), settings.pageSize()));
        }
        return feeds;
    }
}
