package io.vantage.cloud.proxmox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;

/**
 * The API of {@link FakeProxmox}, shaped as Proxmox VE 8 answers: {@code {"data": ...}}; a refusal is HTTP 500 with
 * its text in {@code message} ({@code VM is locked (clone)}, {@code Configuration file ... does not exist}); a
 * parameter check is HTTP 400 with {@code errors}; actions answer with a task's UPID and run as that task.
 */
final class ProxmoxRoutes implements ResponseDefinitionTransformerV2 {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VM = Pattern.compile("/nodes/([^/]+)/qemu/(\\d+)(/.*)?");
    private static final Pattern TASK = Pattern.compile("/nodes/([^/]+)/tasks/([^/]+)/status");

    private final FakeProxmox cluster;
    private final AtomicInteger pids = new AtomicInteger(0x1a2b3c);

    ProxmoxRoutes(FakeProxmox cluster) {
        this.cluster = cluster;
    }

    @Override
    public String getName() {
        return "proxmox";
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        if (!("PVEAPIToken=" + FakeProxmox.TOKEN_ID + "=" + FakeProxmox.TOKEN_SECRET)
                .equals(request.getHeader("Authorization"))) {
            return answer(401, "{\"data\":null}");
        }
        URI uri = URI.create(request.getUrl());
        String path = URLDecoder.decode(uri.getRawPath(), StandardCharsets.UTF_8).replaceFirst("^/api2/json", "");
        Map<String, String> params = params(uri.getRawQuery());
        params.putAll(params(request.getBodyAsString()));
        String method = request.getMethod().getName();
        ResponseDefinition answer;
        synchronized (cluster) {
            tick();
            answer = route(method, path, params);
            String call = method + " " + path;
            for (String lost : cluster.lostAnswers) {
                if (call.matches(lost)) {
                    cluster.lostAnswers.remove(lost);
                    return responseDefinition().withFault(FakeProxmox.lostAnswer()).build();
                }
            }
        }
        return answer;
    }

    private ResponseDefinition route(String method, String path, Map<String, String> params) {
        if (path.equals("/version")) {
            return data(JSON.createObjectNode().put("version", "8.2.4").put("release", "8.2")
                    .put("repoid", "faa83925c9641325"));
        }
        if (path.equals("/cluster/resources")) {
            return resources(params.get("type"));
        }
        if (path.equals("/cluster/nextid")) {
            int id = 100;
            while (cluster.vms.containsKey(id)) {
                id++;
            }
            if (cluster.nextIdRace) {
                cluster.nextIdRace = false;
                FakeProxmox.Vm racer = new FakeProxmox.Vm(id, "pve1");
                racer.lock = "clone"; // someone else's clone, nameless and locked like ours would be
                cluster.vms.put(id, racer);
            }
            return data(JSON.getNodeFactory().textNode(String.valueOf(id)));
        }
        Matcher task = TASK.matcher(path);
        if (task.matches() && method.equals("GET")) {
            return taskStatus(task.group(2));
        }
        Matcher vm = VM.matcher(path);
        if (vm.matches()) {
            FakeProxmox.Vm target = cluster.vms.get(Integer.parseInt(vm.group(2)));
            if (target == null || !target.node.equals(vm.group(1))) {
                return error(500, "Configuration file 'nodes/" + vm.group(1) + "/qemu-server/" + vm.group(2)
                        + ".conf' does not exist");
            }
            String rest = vm.group(3) == null ? "" : vm.group(3);
            return new VmRoutes(this, cluster, target).route(method, rest, params);
        }
        return error(501, "Method '" + method + " /api2/json" + path + "' not implemented");
    }

    private ResponseDefinition resources(String type) {
        ArrayNode rows = JSON.createArrayNode();
        if ("node".equals(type)) {
            cluster.nodes.forEach((name, values) -> rows.addObject().put("id", "node/" + name).put("type", "node")
                    .put("node", name).put("status", "online").put("cpu", 0.0412).put("maxcpu", values[0])
                    .put("mem", values[2]).put("maxmem", values[1]).put("disk", 9_521_152_000L)
                    .put("maxdisk", 100_861_726_720L).put("uptime", 1_234_567).put("level", "")
                    .put("cgroup-mode", 2));
        } else if ("vm".equals(type)) {
            rows.addObject().put("id", "lxc/105").put("type", "lxc").put("vmid", 105).put("name", "dns")
                    .put("node", "pve2").put("status", "running").put("maxcpu", 1).put("maxmem", 536_870_912L)
                    .put("template", 0);
            for (FakeProxmox.Vm vm : cluster.vms.values()) {
                ObjectNode row = rows.addObject().put("id", "qemu/" + vm.vmid).put("type", "qemu")
                        .put("vmid", vm.vmid).put("node", vm.node).put("status", vm.status)
                        .put("maxcpu", vm.cores).put("maxmem", vm.memory * 1024L * 1024)
                        .put("mem", "running".equals(vm.status) ? vm.memory * 512L * 1024 : 0)
                        .put("cpu", 0.0123).put("maxdisk", 34_359_738_368L).put("disk", 0).put("netin", 0)
                        .put("netout", 0).put("diskread", 0).put("diskwrite", 0)
                        .put("uptime", "running".equals(vm.status) ? 321 : 0).put("template", vm.template ? 1 : 0);
                if (vm.name != null) {
                    row.put("name", vm.name);
                }
                if (vm.tags != null) {
                    row.put("tags", vm.tags);
                }
            }
        }
        return data(rows);
    }

    private ResponseDefinition taskStatus(String upid) {
        FakeProxmox.Task task = cluster.tasks.get(upid);
        if (task == null) {
            return error(500, "unable to parse worker upid '" + upid + "'");
        }
        String[] fields = upid.split(":");
        ObjectNode status = JSON.createObjectNode().put("upid", upid).put("node", task.node)
                .put("pid", Integer.parseInt(fields[2], 16)).put("pstart", Integer.parseInt(fields[3], 16))
                .put("starttime", Long.parseLong(fields[4], 16)).put("type", task.type).put("id", fields[6])
                .put("user", FakeProxmox.TOKEN_ID).put("status", task.done ? "stopped" : "running");
        if (task.done) {
            status.put("exitstatus", task.exitstatus);
        }
        return data(status);
    }

    ResponseDefinition task(String node, String type, String id, Runnable work) {
        return task(node, type, id, work, () -> { });
    }

    /** Starts a task; its work happens when it finishes, unless the test made this type fail (then undo runs). */
    ResponseDefinition task(String node, String type, String id, Runnable work, Runnable undo) {
        String upid = String.format("UPID:%s:%08X:%08X:%08X:%s:%s:%s:", node, pids.incrementAndGet(),
                0x2f3e4d, System.currentTimeMillis() / 1000, type, id, FakeProxmox.TOKEN_ID);
        FakeProxmox.Task task = new FakeProxmox.Task(upid, node, type, cluster.slowTasks.getOrDefault(type, 0), work);
        task.undo = undo;
        String failure = cluster.failingTasks.remove(type);
        if (failure != null) {
            task.exitstatus = failure;
        }
        cluster.tasks.put(upid, task);
        return data(JSON.getNodeFactory().textNode(upid));
    }

    /** Every request is a moment passing: running tasks move on, and finish when their time is up. */
    private void tick() {
        for (FakeProxmox.Task task : cluster.tasks.values()) {
            if (task.done) {
                continue;
            }
            if (task.ticks-- <= 0) {
                if (task.exitstatus == null) {
                    task.work.run();
                    task.exitstatus = "OK";
                } else {
                    task.undo.run();
                }
                task.done = true;
            }
        }
    }

    static ResponseDefinition data(com.fasterxml.jackson.databind.JsonNode data) {
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        return answer(200, body.toString());
    }

    static ResponseDefinition error(int status, String message) {
        return answer(status, JSON.createObjectNode().putNull("data").put("message", message + "\n").toString());
    }

    static ResponseDefinition parameterError(String parameter, String message) {
        ObjectNode body = JSON.createObjectNode().putNull("data").put("message", "Parameter verification failed.\n");
        body.putObject("errors").put(parameter, message + "\n");
        return answer(400, body.toString());
    }

    private static ResponseDefinition answer(int status, String body) {
        return responseDefinition().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8")
                .withHeader("Server", "pve-api-daemon/3.0").withBody(body).build();
    }

    private static Map<String, String> params(String encoded) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isBlank()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            params.put(key, equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
