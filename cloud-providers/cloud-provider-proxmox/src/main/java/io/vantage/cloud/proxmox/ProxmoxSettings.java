package io.vantage.cloud.proxmox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings of one Proxmox VE cluster. The compact constructor fills in the documented defaults, so the portal can bind
 * a sparse map; {@link SettingsCheck} names every setting that is wrong.
 *
 * @param apiUrl           the cluster's API, e.g. {@code https://pve1.example.org:8006} ({@code /api2/json} is added)
 * @param tokenId          API token id, {@code USER@REALM!TOKENID}
 * @param tokenSecret      the token's secret (a UUID); never printed
 * @param caCertPath       PEM file with the CA that signed the API's certificate (Proxmox's own cluster CA is
 *                         {@code /etc/pve/pve-root-ca.pem}); null uses the JVM's trust store
 * @param fingerprint      SHA-256 fingerprint of the API's certificate, as Proxmox shows it; pins that certificate
 *                         instead of checking a CA and host name
 * @param images           templates offered as images, by image id
 * @param flavours         sizes offered, by flavour id
 * @param nodes            nodes new machines may be placed on; empty = every online node
 * @param fullClone        full clones (independent disks, slower) instead of linked clones (default)
 * @param cloneStorage     target storage of full clones; null = the template's
 * @param pool             resource pool new machines join; null = none
 * @param snippetsStorage  Proxmox storage (content type {@code snippets}) holding the machines' cloud-init files
 * @param snippetsDir      that storage's {@code snippets} folder as the portal sees it (a shared mount)
 * @param ipConfig         {@code ipconfig0} of new machines; default {@code ip=dhcp}
 * @param maxInstances     how many machines this portal may run here; null = no limit of its own
 * @param cpuOvercommit    vCPUs allowed per physical core when reporting limits; default 1.0
 * @param taskWait         how long one call waits for a Proxmox task (clone, start, stop) before it returns and the
 *                         portal asks again later; default 90 s, below the portal's command lease
 * @param taskPollInterval how often a running task is asked about; default 1 s
 */
public record ProxmoxSettings(String apiUrl, String tokenId, String tokenSecret, String caCertPath, String fingerprint,
                              Map<String, Image> images, Map<String, Flavour> flavours, List<String> nodes,
                              boolean fullClone, String cloneStorage, String pool, String snippetsStorage,
                              String snippetsDir, String ipConfig, Integer maxInstances, Double cpuOvercommit,
                              Duration taskWait, Duration taskPollInterval) {

    public ProxmoxSettings {
        images = images == null ? Map.of() : Map.copyOf(images);
        flavours = flavours == null ? Map.of() : Map.copyOf(flavours);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
        ipConfig = blank(ipConfig) ? "ip=dhcp" : ipConfig;
        cpuOvercommit = cpuOvercommit == null ? 1.0 : cpuOvercommit;
        taskWait = taskWait == null ? Duration.ofSeconds(90) : taskWait;
        taskPollInterval = taskPollInterval == null ? Duration.ofSeconds(1) : taskPollInterval;
    }

    /**
     * A template VM offered as an image.
     *
     * @param template the template's VM id
     * @param ports    ports the image serves (VNC 5901, Jupyter 8888, guacd 4822)
     */
    public record Image(String name, Integer template, List<Integer> ports) {

        public Image {
            ports = ports == null ? List.of() : List.copyOf(ports);
        }
    }

    /**
     * A size: cores and memory of the clone, and GPUs passed through from a PCI resource mapping.
     *
     * @param gpuMapping Proxmox resource mapping (Datacenter > Resource Mappings) the GPUs come from
     */
    public record Flavour(String name, int cores, int memoryMib, int gpu, String gpuMapping) {
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "ProxmoxSettings[apiUrl=" + apiUrl + ", tokenId=" + tokenId + ", tokenSecret="
                + (blank(tokenSecret) ? "<none>" : "****") + ", caCertPath=" + caCertPath + ", fingerprint="
                + fingerprint + ", images=" + images.keySet() + ", flavours=" + flavours.keySet() + ", nodes=" + nodes
                + ", fullClone=" + fullClone + ", cloneStorage=" + cloneStorage + ", pool=" + pool
                + ", snippetsStorage=" + snippetsStorage + ", snippetsDir=" + snippetsDir + ", ipConfig=" + ipConfig
                + ", maxInstances=" + maxInstances + ", cpuOvercommit=" + cpuOvercommit + ", taskWait=" + taskWait
                + ", taskPollInterval=" + taskPollInterval + "]";
    }
}
