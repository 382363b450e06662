package io.vantage.cloud.slurm;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything that differs between slurmrestd's OpenAPI versions, in one place: the paths, the submit and update
 * bodies, and the shapes the answers use. v0.0.38 (Slurm 22.05) writes numbers as plain integers, the environment
 * as an object and the state as a string; from v0.0.39 numbers may be {@code {set, infinite, number}} objects and the
 * environment a list of {@code KEY=value}; from v0.0.40 states are lists and generic resources are asked for as
 * {@code tres_per_node}; from v0.0.41 the script travels inside the job. Readers accept every shape.
 */
final class ApiDialect {

    private static final Pattern VERSION = Pattern.compile("v0\\.0\\.(\\d{2})");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String version;
    private final int minor;

    private ApiDialect(String version, int minor) {
        this.version = version;
        this.minor = minor;
    }

    /** @throws IllegalArgumentException for a version this provider does not speak */
    static ApiDialect of(String version) {
        Matcher matcher = VERSION.matcher(version == null ? "" : version);
        if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < 38) {
            throw new IllegalArgumentException("must be an OpenAPI plugin version from v0.0.38 on (e.g. v0.0.38 for "
                    + "Slurm 22.05, v0.0.40 for 23.11), was '" + version + "'");
        }
        return new ApiDialect(version, Integer.parseInt(matcher.group(1)));
    }

    String version() {
        return version;
    }

    String ping() {
        return "/slurm/" + version + "/ping";
    }

    String jobs() {
        return "/slurm/" + version + "/jobs";
    }

    String job(String jobId) {
        return "/slurm/" + version + "/job/" + URLEncoder.encode(jobId, StandardCharsets.UTF_8);
    }

    String submit() {
        return "/slurm/" + version + "/job/submit";
    }

    String nodes() {
        return "/slurm/" + version + "/nodes";
    }

    ObjectNode submitBody(JobSpec spec) {
        ObjectNode job = NODES.objectNode();
        job.put("name", spec.name());
        job.put("comment", spec.comment());
        putIfSet(job, "partition", spec.partition());
        putIfSet(job, "qos", spec.qos());
        putIfSet(job, "account", spec.account());
        putIfSet(job, "constraints", spec.constraints());
        putIfSet(job, "reservation", spec.reservation());
        job.put("tasks", 1);
        if (spec.cpus() != null) {
            job.put("cpus_per_task", spec.cpus());
        }
        if (spec.memoryMib() != null) {
            job.set("memory_per_node", number(spec.memoryMib()));
        }
        if (spec.gres() != null) {
            if (minor >= 40) {
                job.put("tres_per_node", spec.gres().startsWith("gres/") ? spec.gres() : "gres/" + spec.gres());
            } else {
                job.put("gres", spec.gres());
            }
        }
        if (spec.timeLimitMinutes() != null) {
            job.set("time_limit", number(spec.timeLimitMinutes()));
        }
        // a desktop restarted elsewhere after a node failure would silently lose the person's session: end instead
        job.put("requeue", false);
        job.put("current_working_directory", spec.workDir());
        job.put("standard_output", spec.standardOutput());
        job.set("environment", environment(spec.environment()));
        ObjectNode body = NODES.objectNode();
        if (minor >= 41) {
            job.put("script", spec.script());
        } else {
            body.put("script", spec.script());
        }
        body.set("job", job);
        return body;
    }

    ObjectNode timeLimitBody(int minutes) {
        ObjectNode body = NODES.objectNode();
        body.set("time_limit", number(minutes));
        return body;
    }

    /** The id of a submitted job: top-level {@code job_id}, or {@code result.job_id} in later versions. */
    static OptionalLong submittedJobId(JsonNode answer) {
        OptionalLong id = number(answer.get("job_id"));
        return id.isPresent() ? id : number(answer.path("result").get("job_id"));
    }

    /** A number written plainly or as {@code {set, infinite, number}}; empty when unset, infinite or missing. */
    static OptionalLong number(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return OptionalLong.empty();
        }
        if (node.isObject()) {
            if (!node.path("set").asBoolean(true) || node.path("infinite").asBoolean(false)) {
                return OptionalLong.empty();
            }
            return number(node.get("number"));
        }
        return node.isNumber() ? OptionalLong.of(node.asLong()) : OptionalLong.empty();
    }

    /** The base state: a string in v0.0.38, a list whose first entry is the base state later. */
    static String state(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "UNKNOWN";
        }
        if (node.isArray()) {
            return node.isEmpty() ? "UNKNOWN" : node.get(0).asString();
        }
        return node.asString();
    }

    /** All state words: a node's {@code "idle"} plus {@code state_flags}, or a later version's list. */
    static Set<String> stateWords(JsonNode state, JsonNode flags) {
        Set<String> words = new HashSet<>();
        for (JsonNode node : new JsonNode[] {state, flags}) {
            if (node == null || node.isNull() || node.isMissingNode()) {
                continue;
            }
            if (node.isArray()) {
                node.forEach(word -> words.add(word.asString().toUpperCase(Locale.ROOT)));
            } else {
                for (String word : node.asString().split("[+ ]")) {
                    words.add(word.toUpperCase(Locale.ROOT));
                }
            }
        }
        words.remove("");
        return words;
    }

    private JsonNode number(int value) {
        if (minor < 39) {
            return NODES.numberNode(value);
        }
        ObjectNode number = NODES.objectNode();
        number.put("set", true);
        number.put("infinite", false);
        number.put("number", value);
        return number;
    }

    private JsonNode environment(Map<String, String> environment) {
        if (minor < 39) {
            ObjectNode object = NODES.objectNode();
            environment.forEach(object::put);
            return object;
        }
        var list = NODES.arrayNode();
        environment.forEach((key, value) -> list.add(key + "=" + value));
        return list;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }
}
