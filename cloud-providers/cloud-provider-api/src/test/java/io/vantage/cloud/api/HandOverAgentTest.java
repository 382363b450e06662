package io.vantage.cloud.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The portal's side of the hand-over protocol against an agent written here from the contract: the request carries
 * no secret and is signed with the pool secret, the answer must be signed by the machine, and refusals and outages
 * map to permanent and transient failures.
 */
class HandOverAgentTest {

    static final String POOL_SECRET = "pool-secret-abcdefghijklmnopqrstuv";

    HttpServer server;
    final AtomicReference<String> received = new AtomicReference<>();
    volatile int status = 200;
    volatile String signWith = POOL_SECRET;

    @BeforeEach
    void agent() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(HandOverAgent.PATH, this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.set(new String(body, StandardCharsets.UTF_8));
        boolean signed = PoolSecrets.same(PoolSecrets.requestSignature(POOL_SECRET, body),
                exchange.getRequestHeaders().getFirst(HandOverAgent.SIGNATURE));
        byte[] answer = "{\"handed-over\":\"true\"}".getBytes(StandardCharsets.UTF_8);
        String nonce = received.get().replaceAll(".*\"vantage-handover-nonce\":\"([^\"]+)\".*", "$1");
        exchange.getResponseHeaders().add(HandOverAgent.SIGNATURE,
                PoolSecrets.answerSignature(signWith, nonce, answer));
        exchange.sendResponseHeaders(signed ? status : 403, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    HandOverAgent agentClient() {
        Network network = (machine, port) -> java.util.Optional.of(new Endpoint("127.0.0.1", port));
        return new HandOverAgent(network, server.getAddress().getPort(), Duration.ofSeconds(5));
    }

    static CloudInstance machine() {
        return new CloudInstance("vm-1", "vantage-u1", CloudState.RUNNING, null, List.of("127.0.0.1"), Map.of(),
                Instant.now());
    }

    static HandOverRequest request(String nonce) {
        String owner = PoolSecrets.ownerSecret(POOL_SECRET, nonce);
        return new HandOverRequest("My analysis", new InstanceMetadata("dep", "u1", "1001", List.of("EXP-1", "EXP-2"),
                1280, 800, "fr-fr-azerty", owner), POOL_SECRET, nonce);
    }

    @Test
    void sendsTheOwnersMetadataAndTheNonceSignedAndNeverASecret() {
        HandOverRequest request = request("nonce-1");
        agentClient().handOver(machine(), request);

        assertThat(received.get()).contains("\"vantage-owner\":\"1001\"", "\"vantage-experiments\":\"EXP-1,EXP-2\"",
                "\"vantage-screen\":\"1280x800\"", "\"vantage-keyboard\":\"fr-fr-azerty\"",
                "\"vantage-name\":\"My analysis\"", "\"vantage-handover-nonce\":\"nonce-1\"",
                "\"vantage-notebook-base-url\":\"/instances/u1/jupyter/\"")
                .doesNotContain(POOL_SECRET).doesNotContain(request.metadata().secret())
                .doesNotContain("vantage-secret").doesNotContain("vantage-pool");
    }

    @Test
    void anAnswerNotSignedWithThePoolSecretIsRefused() {
        signWith = "some-other-machine-secret";
        assertThatThrownBy(() -> agentClient().handOver(machine(), request("n")))
                .isInstanceOf(CloudPermanentException.class).hasMessageContaining("not the machine the portal made");
    }

    @Test
    void aRefusalIsPermanentAndAnOutageTransient() {
        status = 409;
        assertThatThrownBy(() -> agentClient().handOver(machine(), request("n")))
                .isInstanceOf(CloudPermanentException.class).hasMessageContaining("409");
        status = 503;
        assertThatThrownBy(() -> agentClient().handOver(machine(), request("n")))
                .isInstanceOf(CloudTransientException.class).hasMessageContaining("503");
        server.stop(0);
        assertThatThrownBy(() -> agentClient().handOver(machine(), request("n")))
                .isInstanceOf(CloudTransientException.class).hasMessageContaining("did not answer");
    }

    @Test
    void theOwnersSecretDependsOnPoolSecretAndNonceAndDiffersInTheEightCharactersVncUses() {
        String a = PoolSecrets.ownerSecret(POOL_SECRET, "n1");
        assertThat(a).hasSize(32).matches("[A-Za-z0-9_-]+").isEqualTo(PoolSecrets.ownerSecret(POOL_SECRET, "n1"));
        assertThat(PoolSecrets.ownerSecret(POOL_SECRET, "n2").substring(0, 8)).isNotEqualTo(a.substring(0, 8));
        assertThat(PoolSecrets.ownerSecret(POOL_SECRET + "x", "n1")).isNotEqualTo(a);
        assertThat(a.substring(0, 8)).isNotEqualTo(POOL_SECRET.substring(0, 8));
    }
}
