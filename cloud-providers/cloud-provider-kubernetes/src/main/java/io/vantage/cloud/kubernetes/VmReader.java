package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Tags;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads virtual machine instances: the VirtualMachine (which lives until delete) and, while it runs, its
 * VirtualMachineInstance of the same name. Only this deployment's, by label, whatever name the caller passes.
 */
final class VmReader {

    private final KubernetesClient client;
    private final String namespace;
    private final String deploymentLabel;
    private final VmStates states;
    private final Clock clock;
    private final ApiErrors errors;

    VmReader(KubernetesClient client, String namespace, String deploymentId, VmStates states, Clock clock,
             ApiErrors errors) {
        this.client = client;
        this.namespace = namespace;
        this.deploymentLabel = Names.labelValue(deploymentId);
        this.states = states;
        this.clock = clock;
        this.errors = errors;
    }

    MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> vms() {
        return client.genericKubernetesResources(KubeVirt.VIRTUAL_MACHINES);
    }

    MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> vmis() {
        return client.genericKubernetesResources(KubeVirt.INSTANCES);
    }

    Optional<GenericKubernetesResource> vm(String name) {
        return Optional.ofNullable(errors.call("read virtual machine " + name,
                () -> vms().inNamespace(namespace).withName(name).get())).filter(this::ours);
    }

    Optional<GenericKubernetesResource> vmi(String name) {
        return Optional.ofNullable(errors.call("read virtual machine instance " + name,
                () -> vmis().inNamespace(namespace).withName(name).get())).filter(this::ours);
    }

    Optional<CloudInstance> get(String name) {
        return vm(name).map(vm -> toInstance(vm, vmi(name).orElse(null)));
    }

    List<CloudInstance> list() {
        Map<String, GenericKubernetesResource> running = errors.call("list virtual machine instances",
                        () -> vmis().inNamespace(namespace).withLabel(Tags.DEPLOYMENT, deploymentLabel).list()
                                .getItems()).stream()
                .collect(Collectors.toMap(vmi -> vmi.getMetadata().getName(), Function.identity(), (a, b) -> a));
        List<CloudInstance> instances = new ArrayList<>();
        for (GenericKubernetesResource vm : errors.call("list virtual machines", () -> vms().inNamespace(namespace)
                .withLabel(Tags.DEPLOYMENT, deploymentLabel).list().getItems())) {
            instances.add(toInstance(vm, running.get(vm.getMetadata().getName())));
        }
        // a create that made its Service (and Secret) but not yet its VM: listed, so the orphan sweep can remove it
        List<String> named = instances.stream().map(CloudInstance::computeId).toList();
        errors.call("list services", () -> client.services().inNamespace(namespace)
                        .withLabel(Tags.DEPLOYMENT, deploymentLabel).list().getItems()).stream()
                .filter(service -> !named.contains(service.getMetadata().getName()))
                .forEach(service -> instances.add(new CloudInstance(service.getMetadata().getName(),
                        service.getMetadata().getName(), CloudState.BUILDING, null, List.of(),
                        InstanceReader.tags(service), InstanceReader.createdAt(service))));
        return instances;
    }

    /** By label selector, checked against the exact uid kept in the annotation. */
    Optional<CloudInstance> byInstanceUid(String uid) {
        return errors.call("find the virtual machine of instance " + uid, () -> vms().inNamespace(namespace)
                        .withLabel(Tags.DEPLOYMENT, deploymentLabel).withLabel(Tags.INSTANCE, Names.labelValue(uid))
                        .list().getItems()).stream()
                .filter(vm -> uid.equals(InstanceReader.tags(vm).get(Tags.INSTANCE))).findFirst()
                .map(vm -> toInstance(vm, vmi(vm.getMetadata().getName()).orElse(null)));
    }

    Optional<Service> service(String name) {
        Service service = errors.call("read service " + name,
                () -> client.services().inNamespace(namespace).withName(name).get());
        return Optional.ofNullable(service).filter(this::ours);
    }

    private CloudInstance toInstance(GenericKubernetesResource vm, GenericKubernetesResource vmi) {
        String name = vm.getMetadata().getName();
        List<String> ips = KubeVirt.list(vmi, "status", "interfaces").stream()
                .map(iface -> iface.get("ipAddress")).filter(ip -> ip != null && !ip.toString().isBlank())
                .map(Object::toString).toList();
        PodStates.Verdict verdict = states.of(vm, vmi, !ips.isEmpty(), clock.instant());
        List<String> addresses = new ArrayList<>();
        addresses.add(ServiceNetwork.host(name, namespace));
        addresses.addAll(ips);
        return new CloudInstance(name, name, verdict.state(), verdict.fault(), addresses, InstanceReader.tags(vm),
                InstanceReader.createdAt(vm));
    }

    private boolean ours(io.fabric8.kubernetes.api.model.HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels != null && deploymentLabel.equals(labels.get(Tags.DEPLOYMENT));
    }
}
