package io.vantage.etl.extract.rest;

import java.util.Map;

import io.vantage.etl.config.EtlProperties.Auth;
import io.vantage.etl.config.EtlProperties.AuthType;
import io.vantage.etl.config.EtlProperties.Endpoint;
import io.vantage.etl.config.EtlProperties.Paging;
import io.vantage.etl.config.EtlProperties.Rest;
import io.vantage.etl.config.EtlProperties.SciCat;

/**
 * SciCat's API (v3) as a REST source: instruments from {@code /instruments}, proposals from {@code /proposals},
 * and one experiment per entry of a proposal's {@code MeasurementPeriodList}. SciCat does not list users, so users,
 * roles and memberships are not imported from it (those already in the portal are left alone).
 * Paging is SciCat's skip/limit filter.
 */
public final class SciCatPreset {

    private SciCatPreset() {
    }

    public static RestExtractor extractor(SciCat scicat) {
        return new RestExtractor("scicat", settings(scicat));
    }

    static Rest settings(SciCat scicat) {
        Auth auth = scicat.token() == null || scicat.token().isBlank()
                ? new Auth(AuthType.NONE, null, null, null)
                : new Auth(AuthType.BEARER, scicat.token(), null, null);
        Map<String, Endpoint> entities = Map.of(
                "instruments", endpoint("/instruments", "filter", "", Map.of("id", "/pid", "name", "/name")),
                "proposals", endpoint("/proposals", "filters", "", Map.of(
                        "id", "/proposalId", "title", "/title", "summary", "/abstract")),
                "experiments", endpoint("/proposals", "filters", "/MeasurementPeriodList", Map.of(
                        "id", "/id", "proposal_id", "^/proposalId", "instrument_id", "/instrument",
                        "title", "^/title", "start_date", "/start", "end_date", "/end")));
        return new Rest(scicat.baseUrl(), auth, scicat.connectTimeout(), scicat.readTimeout(), scicat.pageSize(),
                entities);
    }

    private static Endpoint endpoint(String path, String filterParameter, String each, Map<String, String> fields) {
        Map<String, String> query = Map.of(filterParameter, "{\"limits\":{\"skip\":{offset},\"limit\":{size}}}");
        return new Endpoint(path, "", each, Paging.PAGE, query, 0, "", fields);
    }
}
