package io.vantage.cloud.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudTransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Proxmox does the work of a clone, start or stop in a task, named by its UPID
 * ({@code UPID:node:pid:pstart:starttime:type:id:user:}). A task has finished when its status is {@code stopped};
 * its {@code exitstatus} is {@code OK} (or {@code WARNINGS: n}) or the error text.
 */
final class Tasks {

    private static final Logger log = LoggerFactory.getLogger(Tasks.class);

    private final ProxmoxApi api;
    private final Duration wait;
    private final Duration pollInterval;

    Tasks(ProxmoxApi api, Duration wait, Duration pollInterval) {
        this.api = api;
        this.wait = wait;
        this.pollInterval = pollInterval;
    }

    /** The node a task runs on, from its UPID. */
    static String node(String upid) {
        String[] fields = upid == null ? new String[0] : upid.split(":");
        if (fields.length < 8 || !"UPID".equals(fields[0])) {
            throw new CloudPermanentException("Proxmox answered with '" + upid + "' where a task id (UPID) belongs");
        }
        return fields[1];
    }

    /**
     * Waits for the task to finish, at most {@code task-wait}.
     *
     * @throws CloudPermanentException with Proxmox's exit status when the task failed
     * @throws CloudTransientException when it is still running: the portal asks again later
     */
    void await(String action, JsonNode answer) {
        if (answer == null || answer.isNull() || answer.asText().isEmpty()) {
            return; // some calls finish at once and start no task
        }
        String upid = answer.asText();
        String path = "/nodes/" + node(upid) + "/tasks/" + URLEncoder.encode(upid, StandardCharsets.UTF_8)
                + "/status";
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            JsonNode status = api.get("follow the task to " + action, path, Map.of());
            if ("stopped".equals(status.path("status").asText())) {
                String exit = status.path("exitstatus").asText("");
                if (exit.equals("OK") || exit.startsWith("WARNINGS")) {
                    if (!exit.equals("OK")) {
                        log.warn("Proxmox task {} ({}) ended with {}", upid, action, exit);
                    }
                    return;
                }
                throw new CloudPermanentException("Could not " + action + ": Proxmox task failed: "
                        + (exit.isBlank() ? "no exit status" : exit.strip()));
            }
            if (System.nanoTime() > deadline) {
                throw new CloudTransientException("Could not " + action + " yet: Proxmox task " + upid
                        + " is still running after " + wait.toSeconds() + " s");
            }
            sleep();
        }
    }

    private void sleep() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudTransientException("interrupted while waiting for a Proxmox task", e);
        }
    }
}
