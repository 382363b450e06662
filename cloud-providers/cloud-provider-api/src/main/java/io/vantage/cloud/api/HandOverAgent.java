package io.vantage.cloud.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hand-over of the image contract (docs/image-contract.md, "Hand-over"), for clouds whose machines run the
 * image's hand-over agent: one signed HTTP request to the agent's port with the owner's metadata and a nonce, never
 * a secret. The machine derives the owner's secret from its pool secret and the nonce, applies everything, and
 * answers signed, so the portal knows the machine it made did it. Any provider whose images follow the contract can
 * return this from {@link CloudProvider#handOver()}.
 */
public final class HandOverAgent implements HandOver {

    /** The agent's port on the machine unless a provider is told otherwise. */
    public static final int DEFAULT_PORT = 5980;
    public static final String PATH = "/vantage/handover";
    public static final String SIGNATURE = "X-Vantage-Signature";

    private final Network network;
    private final int port;
    private final Duration timeout;
    private final HttpClient http;

    /** @param timeout how long the machine may take to apply everything (a notebook restarts) */
    public HandOverAgent(Network network, int port, Duration timeout) {
        this.network = network;
        this.port = port;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void handOver(CloudInstance machine, HandOverRequest request) {
        Endpoint endpoint = network.endpoint(machine, port).orElseThrow(() -> new CloudTransientException(
                "machine " + machine.computeId() + " has no address for its hand-over agent yet"));
        byte[] body = FlatJson.object(body(request)).getBytes(StandardCharsets.UTF_8);
        HttpRequest call = HttpRequest.newBuilder(URI.create("http://" + endpoint + PATH)).timeout(timeout)
                .header("Content-Type", "application/json")
                .header(SIGNATURE, PoolSecrets.requestSignature(request.poolSecret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(call, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new CloudTransientException("the hand-over agent of machine " + machine.computeId() + " at "
                    + endpoint + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudTransientException("interrupted while handing over machine " + machine.computeId(), e);
        }
        check(machine, request, answer);
    }

    /** The owner's metadata without the secret, the nonce and the instance's name: what the machine needs. */
    static Map<String, String> body(HandOverRequest request) {
        Map<String, String> values = new LinkedHashMap<>(request.metadata().machineMetadata());
        values.remove("vantage-secret");
        values.put("vantage-name", request.name() == null ? "" : request.name());
        values.put("vantage-handover-nonce", request.nonce());
        return values;
    }

    private static void check(CloudInstance machine, HandOverRequest request, HttpResponse<byte[]> answer) {
        int status = answer.statusCode();
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        String what = "the hand-over agent of machine " + machine.computeId();
        if (status == 200) {
            String expected = PoolSecrets.answerSignature(request.poolSecret(), request.nonce(), answer.body());
            if (!PoolSecrets.same(expected, answer.headers().firstValue(SIGNATURE).orElse(null))) {
                throw new CloudPermanentException(what + " answered without the pool secret's signature: "
                        + "it is not the machine the portal made");
            }
            return;
        }
        String reason = what + " answered " + status + ": " + (text.length() > 300 ? text.substring(0, 300) : text);
        if (status >= 500 || status == 404 || status == 429) {
            // 404: an agent from before this contract, or one still starting behind a proxy
            throw new CloudTransientException(reason);
        }
        throw new CloudPermanentException(reason);
    }
}
