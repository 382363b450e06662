package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Tags;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads instances. An instance is its Service (which outlives stops) plus at most one live pod: a Service without a
 * live pod is STOPPED, or STOPPING while the old pod terminates; pods without a Service are an instance being deleted.
 */
final class InstanceReader {

    private final KubernetesClient client;
    private final String namespace;
    private final String deploymentLabel;
    private final PodStates states;
    private final Clock clock;
    private final ApiErrors errors;

    InstanceReader(KubernetesClient client, String namespace, String deploymentId, PodStates states, Clock clock,
                   ApiErrors errors) {
        this.client = client;
        this.namespace = namespace;
        this.deploymentLabel = Names.labelValue(deploymentId);
        this.states = states;
        this.clock = clock;
        this.errors = errors;
    }

    Optional<CloudInstance> get(String computeId) {
        List<Pod> pods = pods(computeId);
        Optional<Pod> live = newestLive(pods);
        if (live.isPresent()) {
            return Optional.of(fromPod(computeId, live.get()));
        }
        Service service = service(computeId).orElse(null);
        return Optional.ofNullable(withoutLivePod(computeId, service, pods));
    }

    List<CloudInstance> list() {
        Map<String, List<Pod>> podsByInstance = errors.call("list pods", () -> client.pods().inNamespace(namespace)
                        .withLabel(Tags.DEPLOYMENT, deploymentLabel).list().getItems()).stream()
                .filter(pod -> objectName(pod) != null)
                .collect(Collectors.groupingBy(InstanceReader::objectName, LinkedHashMap::new, Collectors.toList()));
        Map<String, Service> services = new LinkedHashMap<>();
        errors.call("list services", () -> client.services().inNamespace(namespace)
                .withLabel(Tags.DEPLOYMENT, deploymentLabel).list().getItems())
                .forEach(service -> services.put(service.getMetadata().getName(), service));
        List<CloudInstance> instances = new ArrayList<>();
        for (String name : union(podsByInstance.keySet(), services.keySet())) {
            List<Pod> pods = podsByInstance.getOrDefault(name, List.of());
            CloudInstance instance = newestLive(pods).map(pod -> fromPod(name, pod))
                    .orElseGet(() -> withoutLivePod(name, services.get(name), pods));
            if (instance != null) {
                instances.add(instance);
            }
        }
        return instances;
    }

    /**
     * The instance made for this portal instance, by label selector (this deployment and the instance's label),
     * checked against the exact uid kept in the annotation: a Service first (it lives until delete), else the pods
     * of an instance being deleted.
     */
    Optional<CloudInstance> byInstanceUid(String uid) {
        String label = Names.labelValue(uid);
        Optional<String> name = errors.call("find the service of instance " + uid, () -> client.services()
                        .inNamespace(namespace).withLabel(Tags.DEPLOYMENT, deploymentLabel)
                        .withLabel(Tags.INSTANCE, label).list().getItems()).stream()
                .filter(service -> uid.equals(tags(service).get(Tags.INSTANCE)))
                .map(service -> service.getMetadata().getName()).findFirst();
        if (name.isEmpty()) {
            name = errors.call("find the pods of instance " + uid, () -> client.pods().inNamespace(namespace)
                            .withLabel(Tags.DEPLOYMENT, deploymentLabel).withLabel(Tags.INSTANCE, label).list()
                            .getItems()).stream()
                    .filter(pod -> uid.equals(tags(pod).get(Tags.INSTANCE)) && objectName(pod) != null)
                    .map(InstanceReader::objectName).findFirst();
        }
        return name.flatMap(this::get);
    }

    /** Pods of one instance, live or terminating; only this deployment's, whatever the caller passes. */
    List<Pod> pods(String computeId) {
        return errors.call("list the pods of " + computeId, () -> client.pods().inNamespace(namespace)
                .withLabel(Tags.DEPLOYMENT, deploymentLabel).withLabel(Names.INSTANCE_OBJECT, computeId)
                .list().getItems());
    }

    Optional<Service> service(String computeId) {
        Service service = errors.call("read service " + computeId,
                () -> client.services().inNamespace(namespace).withName(computeId).get());
        return Optional.ofNullable(service).filter(s -> deploymentLabel.equals(label(s, Tags.DEPLOYMENT)));
    }

    static Optional<Pod> newestLive(List<Pod> pods) {
        return pods.stream().filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
                .max(Comparator.comparing(pod -> String.valueOf(pod.getMetadata().getCreationTimestamp())));
    }

    private CloudInstance fromPod(String computeId, Pod pod) {
        PodStates.Verdict verdict = states.of(pod, clock.instant());
        List<String> addresses = new ArrayList<>();
        addresses.add(ServiceNetwork.host(computeId, namespace));
        if (pod.getStatus() != null && pod.getStatus().getPodIP() != null) {
            addresses.add(pod.getStatus().getPodIP());
        }
        return new CloudInstance(computeId, computeId, verdict.state(), verdict.fault(), addresses, tags(pod),
                createdAt(pod));
    }

    private CloudInstance withoutLivePod(String computeId, Service service, List<Pod> terminating) {
        if (service != null) {
            CloudState state = terminating.isEmpty() ? CloudState.STOPPED : CloudState.STOPPING;
            return new CloudInstance(computeId, computeId, state, null,
                    List.of(ServiceNetwork.host(computeId, namespace)), tags(service), createdAt(service));
        }
        if (!terminating.isEmpty()) {
            Pod pod = terminating.get(0);
            return new CloudInstance(computeId, computeId, CloudState.DELETING, null, List.of(), tags(pod),
                    createdAt(pod));
        }
        return null;
    }

    static Map<String, String> tags(HasMetadata object) {
        Map<String, String> tags = new LinkedHashMap<>();
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        for (String key : List.of(Tags.DEPLOYMENT, Tags.INSTANCE, Tags.OWNER)) {
            String value = annotations == null ? null : annotations.get(key);
            value = value != null ? value : label(object, key);
            if (value != null) {
                tags.put(key, value);
            }
        }
        return tags;
    }

    static Instant createdAt(HasMetadata object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        String stamp = annotations == null ? null : annotations.get(Manifests.CREATED_AT);
        stamp = stamp != null ? stamp : object.getMetadata().getCreationTimestamp();
        return stamp == null ? null : Instant.parse(stamp);
    }

    private static String objectName(Pod pod) {
        return label(pod, Names.INSTANCE_OBJECT);
    }

    private static String label(HasMetadata object, String key) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels == null ? null : labels.get(key);
    }

    private static List<String> union(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(name -> !a.contains(name)).forEach(all::add);
        return all;
    }
}
