package io.vantage.etl.extract.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.ApplicationContext;

import io.vantage.domain.etl.EtlRun.Outcome;
import io.vantage.etl.DatabaseTest;
import io.vantage.etl.config.EtlProperties;
import io.vantage.etl.run.ImportService;
import io.vantage.etl.run.RunRequest;
import io.vantage.etl.run.RunResult;

/** The REST extractor against a WireMock user office, configured through the same keys an operator writes. */
class RestImportTest extends DatabaseTest {

    @Autowired
    ApplicationContext context;

    WireMockServer api;
    final Map<String, String> config = new HashMap<>();

    @BeforeEach
    void startApi() {
        api = new WireMockServer(wireMockConfig().dynamicPort());
        api.start();
        config.put("vantage.etl.source", "rest");
        config.put("vantage.etl.rest.base-url", api.baseUrl() + "/uo/api");
        config.put("vantage.etl.rest.page-size", "2");
    }

    @AfterEach
    void stopApi() {
        api.stop();
    }

    @Test
    void pagesAreFollowedWithAuthAndFieldMapping() {
        config.put("vantage.etl.rest.auth.type", "bearer");
        config.put("vantage.etl.rest.auth.token", "s3cret");
        endpoint("users", "/people", "/content", Map.of("id", "/personId", "first_name", "name.first",
                "last_name", "/name/last", "email", "contact.email"));
        stub(get(urlPathEqualTo("/uo/api/people")).withQueryParam("page", equalTo("0")), """
                {"content": [{"personId": "U1", "name": {"first": "Ada", "last": "Lovelace"},
                              "contact": {"email": "ada@example.org"}},
                             {"personId": 2, "name": {"last": "Turing"}}]}""");
        stub(get(urlPathEqualTo("/uo/api/people")).withQueryParam("page", equalTo("1")), """
                {"content": [{"personId": "U3", "name": {"last": "Hopper"}}]}""");

        RunResult result = run(config);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.counts()).containsOnlyKeys("users");
        assertThat(jdbc.queryForList("select id || ':' || coalesce(first_name, '-') || ':' || last_name || ':'"
                + " || coalesce(email, '-') from users order by id", String.class))
                .containsExactly("2:-:Turing:-", "U1:Ada:Lovelace:ada@example.org", "U3:-:Hopper:-");
        api.verify(2, getRequestedFor(urlPathEqualTo("/uo/api/people"))
                .withHeader("Authorization", equalTo("Bearer s3cret")).withQueryParam("size", equalTo("2")));
        assertThat(result.source()).isEqualTo("rest:" + api.baseUrl() + "/uo/api");
    }

    @Test
    void nextLinksAreFollowedWithBasicAuth() {
        config.put("vantage.etl.rest.auth.type", "basic");
        config.put("vantage.etl.rest.auth.username", "etl");
        config.put("vantage.etl.rest.auth.password", "pw");
        endpoint("instruments", "/instruments", "/items", Map.of());
        config.put("vantage.etl.rest.entities.instruments.paging", "next-link");
        config.put("vantage.etl.rest.entities.instruments.next-link", "/links/next");
        stub(get(urlPathEqualTo("/uo/api/instruments")), """
                {"items": [{"id": "D22", "name": "D22"}], "links": {"next": "instruments-2"}}""");
        stub(get(urlPathEqualTo("/uo/api/instruments-2")), """
                {"items": [{"id": "IN5", "name": "IN5"}], "links": {"next": null}}""");

        RunResult result = run(config);

        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(jdbc.queryForList("select id from instruments order by id", String.class))
                .containsExactly("D22", "IN5");
        api.verify(getRequestedFor(urlPathEqualTo("/uo/api/instruments-2"))
                .withHeader("Authorization", equalTo("Basic ZXRsOnB3")));
    }

    @Test
    void aFailingPageFailsTheRunAndWritesNothing() {
        endpoint("instruments", "/instruments", "", Map.of());
        stub(get(urlPathEqualTo("/uo/api/instruments")).withQueryParam("page", equalTo("0")),
                "[{\"id\": \"D22\", \"name\": \"D22\"}, {\"id\": \"IN5\", \"name\": \"IN5\"}]");
        api.stubFor(get(urlPathEqualTo("/uo/api/instruments")).withQueryParam("page", equalTo("1"))
                .willReturn(aResponse().withStatus(503).withBody("maintenance")));
        String before = checksum();

        RunResult result = run(config);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).isEqualTo("The import failed and changed nothing: GET " + api.baseUrl()
                + "/uo/api/instruments?page=1&size=2 answered HTTP 503: maintenance");
        assertThat(checksum()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select outcome from etl_runs where id = ?", String.class, result.runId()))
                .isEqualTo("FAILED");
    }

    @Test
    void badRecordsNameThePageAndRecord() {
        endpoint("instruments", "/instruments", "", Map.of("name", "/label"));
        config.put("vantage.etl.rest.entities.instruments.paging", "none");
        stub(get(urlPathEqualTo("/uo/api/instruments")), "[{\"id\": \"D22\", \"label\": {\"en\": \"x\"}}]");

        RunResult result = run(config);

        assertThat(result.outcome()).isEqualTo(Outcome.ABORTED);
        assertThat(result.problems().get(0).text()).isEqualTo(api.baseUrl()
                + "/uo/api/instruments record 1, instrument 'D22', field name: expected a single value but found an"
                + " object.");
    }

    @Test
    void sciCatProposalsBecomeProposalsAndExperiments() {
        config.put("vantage.etl.source", "scicat");
        config.put("vantage.etl.scicat.base-url", api.baseUrl() + "/api/v3");
        config.put("vantage.etl.scicat.token", "tok");
        config.put("vantage.etl.scicat.page-size", "2");
        stub(get(urlPathEqualTo("/api/v3/instruments")), """
                [{"pid": "PSI/SLS/TOMCAT", "uniqueName": "tomcat", "name": "TOMCAT"}]""");
        stub(get(urlPathEqualTo("/api/v3/proposals")), """
                [{"proposalId": "20230001", "title": "Bone tomography", "abstract": "Micro-CT of bones",
                  "MeasurementPeriodList": [
                    {"id": "20230001-1", "instrument": "PSI/SLS/TOMCAT", "start": "2023-05-01T08:00:00Z",
                     "end": "2023-05-03T08:00:00Z"},
                    {"id": "20230001-2", "instrument": "PSI/SLS/TOMCAT", "start": "2023-09-01T08:00:00Z",
                     "end": "2023-09-02T08:00:00Z"}]},
                 {"proposalId": "20230002", "title": "No beamtime yet", "MeasurementPeriodList": []}]""");
        api.stubFor(get(urlPathEqualTo("/api/v3/proposals")).withQueryParam("filters",
                equalTo("{\"limits\":{\"skip\":2,\"limit\":2}}")).willReturn(okJson("[]")));

        RunResult result = run(config);

        assertThat(result.outcome()).as(result.problems().toString()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.counts()).containsOnlyKeys("instruments", "proposals", "experiments");
        assertThat(jdbc.queryForList("select id || ' ' || proposal_id || ' ' || instrument_id || ' ' || title"
                + " from experiments order by id", String.class)).containsExactly(
                "20230001-1 20230001 PSI/SLS/TOMCAT Bone tomography",
                "20230001-2 20230001 PSI/SLS/TOMCAT Bone tomography");
        assertThat(jdbc.queryForObject("select summary from proposals where id = '20230001'", String.class))
                .isEqualTo("Micro-CT of bones");
        api.verify(getRequestedFor(urlPathEqualTo("/api/v3/proposals"))
                .withQueryParam("filters", equalTo("{\"limits\":{\"skip\":0,\"limit\":2}}"))
                .withHeader("Authorization", equalTo("Bearer tok")));
    }

    private void endpoint(String entity, String path, String items, Map<String, String> fields) {
        String prefix = "vantage.etl.rest.entities." + entity + ".";
        config.put(prefix + "path", path);
        config.put(prefix + "items", items);
        fields.forEach((field, pointer) -> config.put(prefix + "fields." + field, pointer));
    }

    private void stub(MappingBuilder request, String json) {
        api.stubFor(request.willReturn(okJson(json)));
    }

    private RunResult run(Map<String, String> properties) {
        EtlProperties etl = new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("vantage.etl", EtlProperties.class);
        ImportService service = new ImportService(context.getBean(javax.sql.DataSource.class), etl,
                context.getBeanProvider(MeterRegistry.class), context.getBeanProvider(java.time.Clock.class));
        return service.run(RunRequest.configured("test"));
    }
}
