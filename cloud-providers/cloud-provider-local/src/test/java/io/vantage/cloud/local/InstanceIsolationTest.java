package io.vantage.cloud.local;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Endpoint;
import io.vantage.cloud.local.IsolationProbe.Target;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two people, each with a notebook and a desktop, all real processes. Alice's kernel (code sent through Jupyter's
 * REST and websocket API) and a program run as her desktop's user try to read Bob's files, secrets and the
 * provider's records: the operating system refuses every one, while their own secrets stay readable to them.
 */
class InstanceIsolationTest extends LocalProviderTestSupport {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void oneInstanceCannotReadAnothersFilesSecretsOrTheProvidersRecords() throws Exception {
        RootOnly.require("users per instance need a root portal");
        CloudProvider provider = provider();
        String aliceSecret = newSecret();
        String bobSecret = newSecret();
        String aliceNotebook = create(provider, "notebook", "uid-alice-nb", "alice", aliceSecret);
        String aliceDesktop = create(provider, "desktop", "uid-alice-desk", "alice", newSecret());
        String bobNotebook = create(provider, "notebook", "uid-bob-nb", "bob", bobSecret);
        String bobDesktop = create(provider, "desktop", "uid-bob-desk", "bob", newSecret());
        for (String computeId : List.of(aliceNotebook, aliceDesktop, bobNotebook, bobDesktop)) {
            awaitState(provider, computeId, CloudState.RUNNING);
        }
        saveThroughJupyter(provider, bobNotebook, "uid-bob-nb", bobSecret, "results.txt", "Bob's unpublished result");
        runAsInstanceUser(bobDesktop, "open('notes.txt', 'w').write('Bob'); print('@' * 2 + '@' * 2)");

        InstanceStore store = new InstanceStore(workDir);
        InstancePaths bobNb = store.paths(bobNotebook);
        InstancePaths bobDesk = store.paths(bobDesktop);
        List<Target> bobs = List.of(
                Target.list(bobNb.home()), Target.read(bobNb.home().resolve("results.txt")),
                Target.list(bobNb.home().resolve(".local/share/jupyter/runtime")),
                Target.read(bobNb.jupyterToken()), Target.list(bobNb.secrets()),
                Target.list(bobDesk.home()), Target.read(bobDesk.home().resolve("notes.txt")),
                Target.read(bobDesk.vncPassword()), Target.read(bobDesk.xauthority()),
                Target.read(bobNb.recordFile()), Target.list(bobNb.logs()), Target.read(bobNb.log("jupyter")),
                Target.list(workDir), Target.list(workDir.resolve("instances")));
        Target aliceToken = Target.read(store.paths(aliceNotebook).jupyterToken());
        Target aliceVnc = Target.read(store.paths(aliceDesktop).vncPassword());
        List<Target> all = new ArrayList<>(bobs);
        all.addAll(List.of(aliceToken, aliceVnc));
        String probe = IsolationProbe.code(all);

        Endpoint jupyter = provider.network().endpoint(get(provider, aliceNotebook), 8888).orElseThrow();
        Map<String, String> fromKernel = IsolationProbe.parse(
                new KernelClient(jupyter, "/instances/uid-alice-nb/jupyter/", aliceSecret).run(probe));
        Map<String, String> fromDesktop = IsolationProbe.parse(runAsInstanceUser(aliceDesktop, probe));

        for (Target target : bobs) {
            assertThat(fromKernel).as("kernel").containsEntry(target.key(), "PermissionError");
            assertThat(fromDesktop).as("desktop").containsEntry(target.key(), "PermissionError");
        }
        // the refusals come from ownership, not from paths that cannot be reached: each reads its own secret
        assertThat(fromKernel).containsEntry(aliceToken.key(), "OK").containsEntry(aliceVnc.key(), "PermissionError");
        assertThat(fromDesktop).containsEntry(aliceVnc.key(), "OK").containsEntry(aliceToken.key(), "PermissionError");

        assertThat(fromKernel.get("uid")).isEqualTo(Integer.toString(record(aliceNotebook).user().uid()));
        assertThat(fromDesktop.get("uid")).isEqualTo(Integer.toString(record(aliceDesktop).user().uid()));
        Set<Integer> userIds = new HashSet<>();
        for (String computeId : List.of(aliceNotebook, aliceDesktop, bobNotebook, bobDesktop)) {
            int uid = record(computeId).user().uid();
            assertThat(uid).isPositive();
            userIds.add(uid);
            for (ProcessRecord process : processes(computeId)) {
                assertThat(uids(process.pid())).as(process.role()).containsOnly(uid);
            }
        }
        assertThat(userIds).hasSize(4);
    }

    private String create(CloudProvider provider, String image, String uid, String owner, String secret) {
        return provider.compute().create(request(image, DEPLOYMENT, uid, owner, secret)).computeId();
    }

    private static CloudInstance get(CloudProvider provider, String computeId) {
        return provider.compute().get(computeId).orElseThrow();
    }

    /** Writes a file the way the notebook page does (contents API), so Bob's own server makes it. */
    private void saveThroughJupyter(CloudProvider provider, String computeId, String uid, String token, String name,
                                    String text) throws Exception {
        Endpoint endpoint = provider.network().endpoint(get(provider, computeId), 8888).orElseThrow();
        HttpResponse<String> saved = http.send(HttpRequest.newBuilder(URI.create("http://" + endpoint
                        + "/instances/" + uid + "/jupyter/api/contents/" + name))
                .header("Authorization", "token " + token)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"type\":\"file\",\"format\":\"text\",\"content\":\""
                        + text.replace("'", "\\u0027") + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(saved.statusCode()).as(saved.body()).isIn(200, 201);
    }
}
