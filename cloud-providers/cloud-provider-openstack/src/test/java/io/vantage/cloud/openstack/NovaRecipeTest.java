package io.vantage.cloud.openstack;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.vantage.cloud.openstack.FakeOpenStack.NOVA;
import static io.vantage.cloud.openstack.FakeOpenStack.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.GitRecipe;
import io.vantage.cloud.api.InstanceMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A recipe reaches the server as the image contract's Nova metadata keys, which the reference image reads. */
class NovaRecipeTest {

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
    void theServerCarriesTheRecipesRepositoryRefAndNotebook() throws Exception {
        wm.stubFor(post(urlEqualTo(NOVA + "/servers")).willReturn(json(202, "{\"server\": {\"id\": \"s-1\"}}")));

        compute.create(request(new GitRecipe("sans-reduction", "https://git.example.org/facility/sans.git",
                "v1.2", "reduction/main.ipynb")));

        assertThat(recipeKeys(bootMetadata())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "vantage-recipe-name", "sans-reduction",
                "vantage-recipe-url", "https://git.example.org/facility/sans.git",
                "vantage-recipe-ref", "v1.2",
                "vantage-recipe-notebook", "reduction/main.ipynb"));
    }

    @Test
    void aServerWithoutRecipeGetsNoRecipeKeys() throws Exception {
        wm.stubFor(post(urlEqualTo(NOVA + "/servers")).willReturn(json(202, "{\"server\": {\"id\": \"s-2\"}}")));

        compute.create(request(null));

        assertThat(recipeKeys(bootMetadata())).isEmpty();
    }

    private static CreateInstanceRequest request(GitRecipe recipe) {
        InstanceMetadata metadata = new InstanceMetadata(FakeOpenStack.DEPLOYMENT, "uid-8", "alice",
                List.of("EXP-1"), 1280, 720, null, "vnc-secret", List.of(), recipe);
        return new CreateInstanceRequest("vantage-uid-8", "image-1", "flavour-2", null, null, metadata, null,
                List.of());
    }

    private static JsonNode bootMetadata() throws Exception {
        String body = wm.findAll(postRequestedFor(urlEqualTo(NOVA + "/servers"))).get(0).getBodyAsString();
        return new ObjectMapper().readTree(body).path("server").path("metadata");
    }

    private static Map<String, String> recipeKeys(JsonNode metadata) {
        Map<String, String> keys = new LinkedHashMap<>();
        metadata.properties().forEach(entry -> {
            if (entry.getKey().startsWith("vantage-recipe")) {
                keys.put(entry.getKey(), entry.getValue().asText());
            }
        });
        return keys;
    }
}
