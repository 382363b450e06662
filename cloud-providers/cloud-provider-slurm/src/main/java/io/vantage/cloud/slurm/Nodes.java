package io.vantage.cloud.slurm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

/**
 * The cluster's nodes, read at most every {@link #TTL}: where a job's node is reached (its {@code NodeAddr}), and
 * what the partitions hold for {@link SlurmLimits}.
 */
final class Nodes {

    static final Duration TTL = Duration.ofSeconds(30);

    /** One node as the provider needs it; {@code usable} is false when down, drained or failing. */
    record Node(String name, String address, Set<String> partitions, int cpus, int memoryMib, int gpus,
                boolean usable) {
    }

    private final SlurmHttp http;
    private final ApiDialect dialect;
    private final Clock clock;
    private Map<String, Node> byName;
    private Instant readAt;

    Nodes(SlurmHttp http, ApiDialect dialect, Clock clock) {
        this.http = http;
        this.dialect = dialect;
        this.clock = clock;
    }

    /** The address of a node, read again when the node is new to the snapshot. */
    Optional<String> address(String nodeName) {
        if (nodeName == null) {
            return Optional.empty();
        }
        Node node = snapshot(false).get(nodeName);
        if (node == null) {
            node = snapshot(true).get(nodeName);
        }
        return Optional.ofNullable(node).map(Node::address);
    }

    List<Node> all() {
        return List.copyOf(snapshot(false).values());
    }

    private synchronized Map<String, Node> snapshot(boolean refresh) {
        Instant now = clock.instant();
        if (refresh || byName == null || readAt.plus(TTL).isBefore(now)) {
            JsonNode answer = http.require("list the Slurm nodes", http.get("list the Slurm nodes", dialect.nodes()));
            List<Node> nodes = new ArrayList<>();
            for (JsonNode node : answer.path("nodes")) {
                nodes.add(of(node));
            }
            byName = nodes.stream().collect(Collectors.toMap(Node::name, Function.identity(), (a, b) -> a));
            readAt = now;
        }
        return byName;
    }

    static Node of(JsonNode node) {
        String name = node.path("name").asString();
        String address = node.path("address").asString("");
        Set<String> state = ApiDialect.stateWords(node.get("state"), node.get("state_flags"));
        boolean usable = state.stream().noneMatch(word -> word.startsWith("DOWN") || word.startsWith("DRAIN")
                || word.equals("FAIL") || word.equals("FAILING") || word.equals("NOT_RESPONDING")
                || word.equals("FUTURE") || word.equals("INVALID"));
        Set<String> partitions = new HashSet<>();
        node.path("partitions").forEach(partition -> partitions.add(partition.asString()));
        return new Node(name, address.isBlank() ? name : address, partitions,
                (int) ApiDialect.number(node.get("cpus")).orElse(0),
                (int) ApiDialect.number(node.get("real_memory")).orElse(0),
                Resources.gpus(node.path("gres").asString("")), usable);
    }
}
