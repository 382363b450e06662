package io.vantage.cloud.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Plays KubeVirt's virt-controller against the mock API server (CRUD mode), which stores what it is given but runs
 * nothing: it writes a VirtualMachine's status and its VirtualMachineInstance as KubeVirt 1.3 does (fields,
 * conditions, printableStatus, interfaces), so the provider reads the same JSON it would read on a cluster.
 */
final class FakeKubeVirt {

    static final String ADDRESS = "10.244.1.23";

    private final KubernetesClient client;
    private final String namespace;

    FakeKubeVirt(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    GenericKubernetesResource vm(String name) {
        return client.genericKubernetesResources(KubeVirt.VIRTUAL_MACHINES).inNamespace(namespace).withName(name).get();
    }

    GenericKubernetesResource vmi(String name) {
        return client.genericKubernetesResources(KubeVirt.INSTANCES).inNamespace(namespace).withName(name).get();
    }

    /** What the controller does after the VM's run strategy changed: run it, or remove its instance. */
    void reconcile(String name) {
        if (VmStates.wantsToRun(vm(name))) {
            run(name);
        } else {
            halt(name);
        }
    }

    /** The guest booted: an instance Running and Ready with the pod network's address, the VM Running. */
    void run(String name) {
        removeInstance(name);
        String now = Instant.now().toString();
        putInstance(name, """
                {"activePods": {"%s": "worker-1"},
                 "conditions": [
                   {"lastProbeTime": null, "lastTransitionTime": "%s", "status": "True", "type": "Ready"},
                   {"lastProbeTime": null, "lastTransitionTime": null, "status": "True", "type": "LiveMigratable"},
                   {"lastProbeTime": "%s", "lastTransitionTime": null, "status": "True", "type": "AgentConnected"}],
                 "currentCPUTopology": {"cores": 2, "sockets": 1, "threads": 1},
                 "guestOSInfo": {"id": "ubuntu", "kernelRelease": "6.8.0-31-generic", "machine": "x86_64",
                   "name": "Ubuntu", "prettyName": "Ubuntu 24.04 LTS", "version": "24.04 LTS (Noble Numbat)",
                   "versionId": "24.04"},
                 "interfaces": [{"infoSource": "domain, guest-agent", "interfaceName": "enp1s0",
                   "ipAddress": "%s", "ipAddresses": ["%s", "fd10:244:1::17"], "linkState": "up",
                   "mac": "52:54:00:3a:7c:1e", "name": "default", "queueCount": 1}],
                 "launcherContainerImageVersion": "quay.io/kubevirt/virt-launcher:v1.3.0",
                 "machine": {"type": "pc-q35-rhel9.4.0"},
                 "migrationMethod": "BlockMigration", "migrationTransport": "Unix", "nodeName": "worker-1",
                 "phase": "Running",
                 "phaseTransitionTimestamps": [{"phase": "Pending", "phaseTransitionTimestamp": "%s"},
                   {"phase": "Scheduling", "phaseTransitionTimestamp": "%s"},
                   {"phase": "Scheduled", "phaseTransitionTimestamp": "%s"},
                   {"phase": "Running", "phaseTransitionTimestamp": "%s"}],
                 "qosClass": "Burstable", "runtimeUser": 107, "selinuxContext": "none",
                 "volumeStatus": [{"name": "cloudinit", "size": 1048576, "target": "vdb"},
                   {"name": "rootdisk", "target": "vda"}]}
                """.formatted(UUID.randomUUID(), now, now, ADDRESS, ADDRESS, now, now, now, now));
        putStatus(name, """
                {"conditions": [
                   {"lastProbeTime": null, "lastTransitionTime": "%s", "status": "True", "type": "Ready"},
                   {"lastProbeTime": null, "lastTransitionTime": null, "status": "True", "type": "LiveMigratable"},
                   {"lastProbeTime": "%s", "lastTransitionTime": null, "status": "True", "type": "AgentConnected"}],
                 "created": true, "desiredGeneration": 1, "observedGeneration": 1, "printableStatus": "Running",
                 "ready": true, "runStrategy": "Always"}
                """.formatted(now, now));
    }

    /** Stopped: no instance, the VM Stopped and not ready. */
    void halt(String name) {
        removeInstance(name);
        putStatus(name, """
                {"conditions": [{"lastProbeTime": null, "lastTransitionTime": "%s", "message": "VMI does not exist",
                   "reason": "VMINotExists", "status": "False", "type": "Ready"}],
                 "desiredGeneration": 2, "observedGeneration": 2, "printableStatus": "Stopped",
                 "runStrategy": "Halted"}
                """.formatted(Instant.now()));
    }

    /** No node can take it (since {@code since}): the instance waits in Scheduling, its pod unschedulable. */
    void unschedulable(String name, Instant since) {
        String scheduled = """
                {"lastProbeTime": null, "lastTransitionTime": "%s", "message": "0/3 nodes are available: 3 \
                Insufficient devices.kubevirt.io/kvm. preemption: 0/3 nodes are available: 3 No preemption victims \
                found for incoming pod.", "reason": "Unschedulable", "status": "False", "type": "PodScheduled"}
                """.formatted(since);
        putInstance(name, """
                {"conditions": [%s], "guestOSInfo": {}, "phase": "Scheduling",
                 "phaseTransitionTimestamps": [{"phase": "Pending", "phaseTransitionTimestamp": "%s"},
                   {"phase": "Scheduling", "phaseTransitionTimestamp": "%s"}], "qosClass": "Burstable"}
                """.formatted(scheduled, since, since));
        putStatus(name, """
                {"conditions": [{"lastProbeTime": null, "lastTransitionTime": "%s", "message": "Guest VM is not \
                reported as running", "reason": "GuestNotRunning", "status": "False", "type": "Ready"}, %s],
                 "created": true, "desiredGeneration": 1, "observedGeneration": 1,
                 "printableStatus": "ErrorUnschedulable", "runStrategy": "Always"}
                """.formatted(since, scheduled));
    }

    /** The containerDisk cannot be pulled: the instance is not synchronised, for that reason. */
    void imagePullFails(String name, Instant since) {
        putInstance(name, """
                {"conditions": [{"lastProbeTime": null, "lastTransitionTime": "%s", "message": "Guest VM is not \
                reported as running", "reason": "GuestNotRunning", "status": "False", "type": "Ready"},
                  {"lastProbeTime": null, "lastTransitionTime": "%s", "message": "rpc error: code = NotFound desc = \
                failed to pull and unpack image \\"registry.example/vantage/desktop-disk:9\\": not found",
                   "reason": "ErrImagePull", "status": "False", "type": "Synchronized"}],
                 "guestOSInfo": {}, "nodeName": "worker-1", "phase": "Scheduled", "qosClass": "Burstable"}
                """.formatted(since, since));
        putStatus(name, """
                {"conditions": [{"lastProbeTime": null, "lastTransitionTime": "%s", "message": "Guest VM is not \
                reported as running", "reason": "GuestNotRunning", "status": "False", "type": "Ready"}],
                 "created": true, "printableStatus": "ErrImagePull", "runStrategy": "Always"}
                """.formatted(since));
    }

    /** The guest keeps failing to start: KubeVirt backs off between attempts and says how often it failed. */
    void crashLoop(String name, Instant since) {
        removeInstance(name);
        putStatus(name, """
                {"conditions": [{"lastProbeTime": null, "lastTransitionTime": "%s", "message": "VMI does not exist",
                   "reason": "VMINotExists", "status": "False", "type": "Ready"}],
                 "created": false, "printableStatus": "CrashLoopBackOff", "runStrategy": "Always",
                 "startFailure": {"consecutiveFailCount": 3, "lastFailedVMIUID": "%s",
                   "retryAfterTimestamp": "%s"}}
                """.formatted(since, UUID.randomUUID(), Instant.now().plusSeconds(40)));
    }

    /** The instance cannot even be made (an admission webhook refused it). */
    void failedCreate(String name, Instant since) {
        putStatus(name, """
                {"conditions": [{"lastProbeTime": null, "lastTransitionTime": "%s", "message": "failure while \
                starting VMI: admission webhook \\"virtualmachineinstances-create-validator.kubevirt.io\\" denied \
                the request: spec.domain.devices.gpus[0].deviceName: nvidia.com/GA102GL_A10 is not permitted",
                   "reason": "FailedCreate", "status": "True", "type": "Failure"}],
                 "printableStatus": "Stopped", "runStrategy": "Always"}
                """.formatted(since));
    }

    /** An old KubeVirt: no printableStatus, only the instance's phase. */
    void instanceFailed(String name) {
        putInstance(name, """
                {"conditions": [{"lastProbeTime": null, "lastTransitionTime": "%s", "message": "virt-launcher pod \
                terminated", "reason": "PodTerminating", "status": "False", "type": "Ready"}], "phase": "Failed"}
                """.formatted(Instant.now()));
        putStatus(name, "{\"created\": true}");
    }

    /** Paused by an administrator (virtctl pause): the instance keeps its memory but runs nothing. */
    void pause(String name) {
        run(name);
        GenericKubernetesResource vm = vm(name);
        vm.getAdditionalProperties().put("status", json("""
                {"conditions": [{"lastProbeTime": null, "lastTransitionTime": "%s", "message": "VMI was paused by \
                user", "reason": "PausedByUser", "status": "True", "type": "Paused"}],
                 "created": true, "printableStatus": "Paused", "ready": false, "runStrategy": "Always"}
                """.formatted(Instant.now())));
        update(vm, KubeVirt.VIRTUAL_MACHINES);
    }

    /** The domain is gone: virt-handler drops the instance's finalizers, and an instance being deleted goes. */
    private void removeInstance(String name) {
        var instance = client.genericKubernetesResources(KubeVirt.INSTANCES).inNamespace(namespace).withName(name);
        GenericKubernetesResource vmi = instance.get();
        if (vmi != null) {
            instance.edit(current -> {
                current.getMetadata().setFinalizers(java.util.List.of());
                return current;
            });
            instance.delete();
        }
    }

    private void putInstance(String name, String statusJson) {
        GenericKubernetesResource vm = vm(name);
        GenericKubernetesResource vmi = new GenericKubernetesResource();
        vmi.setApiVersion(KubeVirt.API_VERSION);
        vmi.setKind("VirtualMachineInstance");
        Map<String, String> labels = new LinkedHashMap<>(vm.get("spec", "template", "metadata", "labels"));
        labels.put("kubevirt.io/nodeName", "worker-1");
        vmi.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name)
                .withNamespace(namespace).withLabels(labels).addToAnnotations("kubevirt.io/vm-generation", "1")
                .addToFinalizers("kubevirt.io/virtualMachineControllerFinalize", "foregroundDeleteVirtualMachine")
                .addNewOwnerReference().withApiVersion(KubeVirt.API_VERSION).withKind("VirtualMachine")
                .withName(name).withUid(UUID.randomUUID().toString()).withController(true)
                .withBlockOwnerDeletion(true).endOwnerReference().build());
        vmi.setAdditionalProperty("spec", vm.get("spec", "template", "spec"));
        vmi.setAdditionalProperty("status", json(statusJson));
        var instances = client.genericKubernetesResources(KubeVirt.INSTANCES).inNamespace(namespace);
        if (instances.withName(name).get() == null) {
            instances.resource(vmi).create();
        } else {
            update(vmi, KubeVirt.INSTANCES);
        }
    }

    private void putStatus(String name, String statusJson) {
        GenericKubernetesResource vm = vm(name);
        vm.setAdditionalProperty("status", json(statusJson));
        update(vm, KubeVirt.VIRTUAL_MACHINES);
    }

    private void update(GenericKubernetesResource resource, io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext type) {
        resource.getMetadata().setResourceVersion(null);
        client.genericKubernetesResources(type).inNamespace(namespace).resource(resource).update();
    }

    private Map<String, Object> json(String text) {
        return client.getKubernetesSerialization().unmarshal(text, Map.class);
    }
}
