package io.vantage.cloud.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.vantage.cloud.openstack.FakeOpenStack.NOVA;
import static io.vantage.cloud.openstack.FakeOpenStack.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.DataMount;
import io.vantage.cloud.api.InstanceMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The experiments' data mounts reach the server as Nova metadata, one key per mount (docs/image-contract.md). */
class NovaDataMountsTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FakeOpenStack cloud = new FakeOpenStack(wm);
    private Compute compute;

    @BeforeEach
    void setUp() {
        cloud.keystoneIssues("token-1");
        compute = cloud.provider().compute();
    }

    @Test
    void theServerCarriesExactlyTheExperimentsMountsAndTheirCredential() throws Exception {
        wm.stubFor(post(urlEqualTo(NOVA + "/servers")).willReturn(json(202, "{\"server\": {\"id\": \"s-1\"}}")));
        List<DataMount> mounts = List.of(
                new DataMount("EXP-1", DataMount.Kind.NFS, "nas.example.org:/exports/d22/EXP-1", true, "vers=4.1",
                        null),
                new DataMount("P-7-processed", DataMount.Kind.CEPHFS, "mon1,mon2:/processed/P-7", false,
                        "name=vantage-p7", "AQBkeyForThisInstance=="));

        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger logger = (Logger) LoggerFactory.getLogger(NovaCompute.class);
        logger.addAppender(logged);
        try {
            compute.create(request(mounts));
        } finally {
            logger.detachAppender(logged);
        }

        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("P-7-processed", "secret=****"))
                .noneSatisfy(line -> assertThat(line).contains("AQBkeyForThisInstance"));
        Map<String, String> data = dataKeys(bootMetadata());
        assertThat(data).containsOnly(
                Map.entry("vantage-data-0", "{\"target\":\"EXP-1\",\"kind\":\"nfs\",\"source\":"
                        + "\"nas.example.org:/exports/d22/EXP-1\",\"readOnly\":true,\"options\":\"vers=4.1\"}"),
                Map.entry("vantage-data-1", "{\"target\":\"P-7-processed\",\"kind\":\"cephfs\",\"source\":"
                        + "\"mon1,mon2:/processed/P-7\",\"readOnly\":false,\"options\":\"name=vantage-p7\"}"),
                Map.entry("vantage-data-secret-1", "AQBkeyForThisInstance=="));
    }

    @Test
    void anInstanceWithoutExperimentsGetsNoDataKeys() throws Exception {
        wm.stubFor(post(urlEqualTo(NOVA + "/servers")).willReturn(json(202, "{\"server\": {\"id\": \"s-2\"}}")));

        compute.create(request(List.of()));

        assertThat(dataKeys(bootMetadata())).isEmpty();
    }

    @Test
    void aMountThatDoesNotFitIsRefusedBeforeAnyServerIsBooted() {
        DataMount tooLong = new DataMount("EXP-9", DataMount.Kind.NFS, "nas:/" + "d".repeat(240), true, null, null);

        assertThatThrownBy(() -> compute.create(request(List.of(tooLong))))
                .isInstanceOf(CloudPermanentException.class)
                .hasMessageContaining("Data mount EXP-9").hasMessageContaining("255");
        assertThat(wm.findAll(postRequestedFor(urlEqualTo(NOVA + "/servers")))).isEmpty();
    }

    private static CreateInstanceRequest request(List<DataMount> mounts) {
        InstanceMetadata metadata = new InstanceMetadata(FakeOpenStack.DEPLOYMENT, "uid-7", "alice",
                List.of("EXP-1"), 1280, 720, null, "vnc-secret");
        return new CreateInstanceRequest("vantage-uid-7", "image-1", "flavour-2", null, null, metadata, null, mounts);
    }

    private static JsonNode bootMetadata() throws Exception {
        String body = wm.findAll(postRequestedFor(urlEqualTo(NOVA + "/servers"))).get(0).getBodyAsString();
        return new ObjectMapper().readTree(body).path("server").path("metadata");
    }

    private static Map<String, String> dataKeys(JsonNode metadata) {
        Map<String, String> data = new LinkedHashMap<>();
        metadata.properties().forEach(entry -> {
            if (entry.getKey().startsWith("vantage-data-")) {
                data.put(entry.getKey(), entry.getValue().asText());
            }
        });
        return data;
    }
}
