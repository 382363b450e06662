package io.vantage.cloud.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.GitRecipe;
import io.vantage.cloud.api.InstanceMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A recipe reaches the pod as the image contract's environment variables, and only when there is one. */
@EnableKubernetesMockClient(https = false, crud = true)
class PodRecipeTest {

    KubernetesMockServer server;
    KubernetesClient client;
    CloudProvider provider;

    @BeforeEach
    void setUp() {
        provider = Fixtures.provider(Fixtures.settings(server.url("/")));
    }

    @AfterEach
    void tearDown() {
        provider.close();
    }

    @Test
    void thePodIsToldWhichRecipeToCloneAndWhichNotebookOpens() {
        GitRecipe recipe = new GitRecipe("sans-reduction", "https://git.example.org/facility/sans.git", "v1.2",
                "reduction/main.ipynb");
        String id = provider.compute().create(request("uid-r1", recipe)).computeId();

        assertThat(recipeEnv(onlyPod(id))).containsExactlyInAnyOrderEntriesOf(Map.of(
                "VANTAGE_RECIPE_NAME", "sans-reduction",
                "VANTAGE_RECIPE_URL", "https://git.example.org/facility/sans.git",
                "VANTAGE_RECIPE_REF", "v1.2",
                "VANTAGE_RECIPE_NOTEBOOK", "reduction/main.ipynb"));
    }

    @Test
    void aPodWithoutRecipeGetsNoRecipeVariables() {
        String id = provider.compute().create(request("uid-r2", null)).computeId();

        assertThat(recipeEnv(onlyPod(id))).isEmpty();
    }

    private static CreateInstanceRequest request(String uid, GitRecipe recipe) {
        CreateInstanceRequest plain = Fixtures.request(uid, "jupyter", "small");
        InstanceMetadata m = plain.metadata();
        InstanceMetadata metadata = new InstanceMetadata(m.deploymentId(), m.instanceUid(), m.owner(), m.experiments(),
                m.screenWidth(), m.screenHeight(), m.keyboardLayout(), m.secret(), m.proposals(), recipe);
        return new CreateInstanceRequest(plain.name(), plain.imageId(), plain.flavourId(), null, null, metadata, null,
                List.of());
    }

    private Pod onlyPod(String id) {
        List<Pod> pods = client.pods().inNamespace(Fixtures.NAMESPACE).withLabel(Names.INSTANCE_OBJECT, id).list()
                .getItems();
        assertThat(pods).hasSize(1);
        return pods.get(0);
    }

    private static Map<String, String> recipeEnv(Pod pod) {
        return pod.getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().startsWith("VANTAGE_RECIPE"))
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }
}
