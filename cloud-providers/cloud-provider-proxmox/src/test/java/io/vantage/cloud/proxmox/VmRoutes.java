package io.vantage.cloud.proxmox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;

import java.util.Map;

import static io.vantage.cloud.proxmox.ProxmoxRoutes.data;
import static io.vantage.cloud.proxmox.ProxmoxRoutes.error;
import static io.vantage.cloud.proxmox.ProxmoxRoutes.parameterError;

/** {@code /nodes/{node}/qemu/{vmid}/...} of {@link FakeProxmox}, with Proxmox's refusals for locked or running VMs. */
final class VmRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProxmoxRoutes routes;
    private final FakeProxmox cluster;
    private final FakeProxmox.Vm vm;

    VmRoutes(ProxmoxRoutes routes, FakeProxmox cluster, FakeProxmox.Vm vm) {
        this.routes = routes;
        this.cluster = cluster;
        this.vm = vm;
    }

    ResponseDefinition route(String method, String rest, Map<String, String> params) {
        return switch (method + " " + rest) {
            case "POST /clone" -> clone(params);
            case "POST /config" -> config(params);
            case "GET /status/current" -> current();
            case "POST /status/start" -> locked() != null ? locked() : running() ? error(500, "VM " + vm.vmid
                    + " already running") : routes.task(vm.node, "qmstart", id(), () -> {
                        vm.status = "running";
                        vm.qmpstatus = "running";
                        vm.agentCalls.set(0);
                    });
            case "POST /status/shutdown", "POST /status/stop" -> locked() != null ? locked()
                    : routes.task(vm.node, rest.endsWith("stop") ? "qmstop" : "qmshutdown", id(), () -> {
                        vm.status = "stopped";
                        vm.qmpstatus = "stopped";
                    });
            case "POST /status/reboot" -> !running() ? error(500, "VM " + vm.vmid + " not running")
                    : routes.task(vm.node, "qmreboot", id(), () -> vm.agentCalls.set(0));
            case "POST /status/resume" -> routes.task(vm.node, "qmresume", id(), () -> vm.qmpstatus = "running");
            case "DELETE " -> destroy(params);
            case "GET /agent/network-get-interfaces" -> agent();
            default -> error(501, "Method '" + method + " /nodes/" + vm.node + "/qemu/" + vm.vmid + rest
                    + "' not implemented");
        };
    }

    private ResponseDefinition clone(Map<String, String> params) {
        int newid = Integer.parseInt(params.get("newid"));
        if (!vm.template && !"1".equals(params.get("full"))) {
            return error(500, "Linked clone feature is not supported for drive 'scsi0'");
        }
        if (cluster.vms.containsKey(newid)) {
            return error(500, "unable to create VM " + newid + ": config file already exists");
        }
        String target = params.getOrDefault("target", vm.node);
        if (!cluster.nodes.containsKey(target)) {
            return parameterError("target", "no such cluster node '" + target + "'");
        }
        // the new VM exists at once, locked and nameless, until its disks are copied
        FakeProxmox.Vm copy = new FakeProxmox.Vm(newid, target);
        copy.lock = "clone";
        cluster.vms.put(newid, copy);
        cluster.clones.incrementAndGet();
        return routes.task(vm.node, "qmclone", id(), () -> {
            copy.name = params.get("name");
            copy.description = params.get("description");
            copy.cores = vm.cores;
            copy.memory = vm.memory;
            copy.tags = vm.tags;
            copy.config.putAll(vm.config);
            copy.config.put("full", params.getOrDefault("full", "0"));
            copy.lock = null;
        }, () -> cluster.vms.remove(newid));
    }

    private ResponseDefinition config(Map<String, String> params) {
        if (locked() != null) {
            return locked();
        }
        for (String parameter : params.keySet()) {
            if (cluster.refusedParameters.containsKey(parameter)) {
                return parameterError(parameter, cluster.refusedParameters.get(parameter));
            }
        }
        if (params.containsKey("memory") && Integer.parseInt(params.get("memory")) < 16) {
            return parameterError("memory", "value must have a minimum value of 16");
        }
        return routes.task(vm.node, "qmconfig", id(), () -> params.forEach((key, value) -> {
            switch (key) {
                case "cores" -> vm.cores = Integer.parseInt(value);
                case "memory" -> vm.memory = Integer.parseInt(value);
                case "tags" -> vm.tags = value;
                default -> vm.config.put(key, value);
            }
        }));
    }

    private ResponseDefinition current() {
        ObjectNode current = JSON.createObjectNode().put("vmid", vm.vmid).put("status", vm.status)
                .put("qmpstatus", vm.qmpstatus).put("cpus", vm.cores).put("maxmem", vm.memory * 1024L * 1024)
                .put("mem", running() ? vm.memory * 512L * 1024 : 0).put("uptime", running() ? 321 : 0)
                .put("agent", 1).put("cpu", 0.0123).put("maxdisk", 34_359_738_368L).put("disk", 0);
        current.putObject("ha").put("managed", 0);
        if (vm.name != null) {
            current.put("name", vm.name);
        }
        if (vm.tags != null) {
            current.put("tags", vm.tags);
        }
        if (vm.lock != null) {
            current.put("lock", vm.lock);
        }
        if (running()) {
            current.put("pid", 4321).put("running-qemu", "8.1.5").put("running-machine", "pc-i440fx-8.1+pve0");
        }
        return data(current);
    }

    private ResponseDefinition destroy(Map<String, String> params) {
        if (locked() != null) {
            return locked();
        }
        if (running()) {
            return error(500, "VM " + vm.vmid + " is running - destroy failed");
        }
        if (!"1".equals(params.get("purge"))) {
            return error(500, "the test cluster expects purge=1");
        }
        return routes.task(vm.node, "qmdestroy", id(), () -> cluster.vms.remove(vm.vmid));
    }

    private ResponseDefinition agent() {
        if (!running()) {
            return error(500, "VM " + vm.vmid + " is not running");
        }
        if (vm.agentCalls.incrementAndGet() < cluster.agentReadyAfter) {
            return error(500, "QEMU guest agent is not running");
        }
        ObjectNode answer = JSON.createObjectNode();
        ArrayNode result = answer.putArray("result");
        ObjectNode lo = result.addObject().put("name", "lo").put("hardware-address", "00:00:00:00:00:00");
        lo.putArray("ip-addresses").addObject().put("ip-address", "127.0.0.1").put("ip-address-type", "ipv4")
                .put("prefix", 8);
        ObjectNode eth = result.addObject().put("name", "eth0").put("hardware-address", "bc:24:11:5e:2a:0" + 1);
        ArrayNode addresses = eth.putArray("ip-addresses");
        addresses.addObject().put("ip-address", "fe80::be24:11ff:fe5e:2a01").put("ip-address-type", "ipv6")
                .put("prefix", 64);
        addresses.addObject().put("ip-address", address(vm.vmid)).put("ip-address-type", "ipv4").put("prefix", 24);
        return data(answer);
    }

    static String address(int vmid) {
        return "10.20.0." + (vmid % 200 + 10);
    }

    private ResponseDefinition locked() {
        return vm.lock == null ? null : error(500, "VM is locked (" + vm.lock + ")");
    }

    private boolean running() {
        return "running".equals(vm.status);
    }

    private String id() {
        return String.valueOf(vm.vmid);
    }
}
