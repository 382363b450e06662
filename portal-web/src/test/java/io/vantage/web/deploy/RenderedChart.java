package io.vantage.web.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The manifests of one rendering, and what a container of it would see: its environment and mounted files. */
record RenderedChart(List<Map<String, Object>> documents) {

    static RenderedChart parse(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new LoaderOptions()).loadAll(yaml)) {
            if (document != null) {
                documents.add(map(document));
            }
        }
        return new RenderedChart(documents);
    }

    List<Map<String, Object>> all(String kind) {
        return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return all(kind).stream().filter(d -> name.equals(at(d, "metadata", "name"))).findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " rendered"));
    }

    /** The pod template of a Deployment, Job or CronJob. */
    static Map<String, Object> podSpec(Map<String, Object> workload) {
        Object spec = switch (String.valueOf(workload.get("kind"))) {
            case "CronJob" -> at(workload, "spec", "jobTemplate", "spec", "template", "spec");
            default -> at(workload, "spec", "template", "spec");
        };
        return map(Objects.requireNonNull(spec, "no pod spec"));
    }

    static Map<String, Object> container(Map<String, Object> podSpec, String name) {
        return list(podSpec.get("containers")).stream().map(RenderedChart::map)
                .filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    /**
     * The container's environment: plain values, values from rendered ConfigMaps, and for each Secret reference a
     * stand-in value naming the Secret and key (the check only needs to know that a value arrives).
     */
    Map<String, String> environment(Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object from : list(container.get("envFrom"))) {
            Object configMap = at(from, "configMapRef", "name");
            if (configMap != null) {
                map(at(get("ConfigMap", (String) configMap), "data")).forEach((k, v) -> env.put(k, String.valueOf(v)));
            }
        }
        for (Object entry : list(container.get("env"))) {
            Map<String, Object> variable = map(entry);
            String name = (String) variable.get("name");
            if (variable.containsKey("value")) {
                env.put(name, String.valueOf(variable.get("value")));
            } else if (at(variable, "valueFrom", "secretKeyRef") != null) {
                env.put(name, "secret " + at(variable, "valueFrom", "secretKeyRef", "name") + "/"
                        + at(variable, "valueFrom", "secretKeyRef", "key"));
            } else if (at(variable, "valueFrom", "configMapKeyRef") != null) {
                Map<String, Object> data = map(at(get("ConfigMap", (String) at(variable, "valueFrom", "configMapKeyRef",
                        "name")), "data"));
                env.put(name, String.valueOf(data.get(at(variable, "valueFrom", "configMapKeyRef", "key"))));
            }
        }
        return env;
    }

    /** A file the container sees at an absolute path, from a rendered ConfigMap mounted as a volume. */
    Optional<String> file(Map<String, Object> podSpec, Map<String, Object> container, String path) {
        for (Object entry : list(container.get("volumeMounts"))) {
            Map<String, Object> mount = map(entry);
            String dir = (String) mount.get("mountPath");
            if (!path.startsWith(dir + "/")) {
                continue;
            }
            Map<String, Object> volume = list(podSpec.get("volumes")).stream().map(RenderedChart::map)
                    .filter(v -> mount.get("name").equals(v.get("name"))).findFirst().orElseThrow();
            Object configMap = at(volume, "configMap", "name");
            if (configMap != null) {
                Object content = map(at(get("ConfigMap", (String) configMap), "data")).get(path.substring(dir.length() + 1));
                return Optional.ofNullable(content).map(String::valueOf);
            }
        }
        return Optional.empty();
    }

    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
