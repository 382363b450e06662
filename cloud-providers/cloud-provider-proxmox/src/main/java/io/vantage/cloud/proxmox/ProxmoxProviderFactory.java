package io.vantage.cloud.proxmox;

import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.cloud.api.ProviderContext;
import io.vantage.cloud.api.SettingDescriptor;

import java.nio.file.Path;
import java.util.List;

import static io.vantage.cloud.api.SettingDescriptor.optional;
import static io.vantage.cloud.api.SettingDescriptor.required;
import static io.vantage.cloud.api.SettingDescriptor.secret;

/** Proxmox VE clusters as clouds ({@code type: proxmox}), found by {@link java.util.ServiceLoader}. */
public final class ProxmoxProviderFactory implements CloudProviderFactory<ProxmoxSettings> {

    static final String TYPE = "proxmox";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<ProxmoxSettings> settingsType() {
        return ProxmoxSettings.class;
    }

    /** For the admin console (the SPI's {@code description()} where the portal's SPI has it). */
    public String description() {
        return "Proxmox VE cluster: each instance a clone of a template VM, through the REST API with an API token";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(
                required("api-url", "The cluster's API (any node), https", "https://pve1.example.org:8006"),
                required("token-id", "API token, USER@REALM!TOKENID", "vantage@pve!portal"),
                secret("token-secret", "The API token's secret", true),
                optional("ca-cert-path", "PEM file of the CA that signed the API's certificate (the cluster's own CA "
                        + "is /etc/pve/pve-root-ca.pem); empty = the JVM's trust store", "/etc/vantage/pve-root-ca.pem"),
                optional("fingerprint", "SHA-256 fingerprint of the API's certificate, pinned instead of a CA",
                        "AB:CD:...:EF"),
                required("images", "Templates offered, by image id: name, template (VM id), ports",
                        "{xfce: {name: Xfce desktop, template: 9000, ports: [5901, 8888]}}"),
                required("flavours", "Sizes offered, by flavour id: name, cores, memory-mib, gpu, gpu-mapping",
                        "{small: {name: Small, cores: 2, memory-mib: 4096}}"),
                optional("nodes", "Nodes new machines may be placed on; empty = every online node", "[pve1, pve2]"),
                optional("full-clone", "Full clones (own disks, slower) instead of linked clones", "false"),
                optional("clone-storage", "Target storage of full clones; empty = the template's", "ceph-vm"),
                optional("pool", "Resource pool new machines join", "vantage"),
                required("snippets-storage", "Proxmox storage with content 'snippets' for each machine's cloud-init "
                        + "files", "cephfs"),
                required("snippets-dir", "That storage's snippets folder as mounted on the portal's host",
                        "/mnt/pve/cephfs/snippets"),
                optional("ip-config", "ipconfig0 of new machines", "ip=dhcp"),
                optional("max-instances", "Most machines this portal may run here; empty = no limit of its own",
                        "50"),
                optional("cpu-overcommit", "vCPUs allowed per physical core when reporting capacity", "1.0"),
                optional("task-wait", "Longest a call waits for a Proxmox task before asking again later", "90s"),
                optional("task-poll-interval", "How often a running task is asked about", "1s"));
    }

    /** Checks the settings and wires the provider; reads no more than local files, never the cluster. */
    @Override
    public CloudProvider create(String name, ProxmoxSettings settings, ProviderContext context) {
        List<String> problems = SettingsCheck.problems(settings);
        if (!problems.isEmpty()) {
            throw new CloudPermanentException("Proxmox provider '" + name + "' is misconfigured: "
                    + String.join("; ", problems));
        }
        ProxmoxApi api = new ProxmoxApi(settings, context.callTimeout());
        Cluster cluster = new Cluster(api);
        Snippets snippets = new Snippets(Path.of(settings.snippetsDir()), settings.snippetsStorage());
        Tasks tasks = new Tasks(api, settings.taskWait(), settings.taskPollInterval());
        Machines machines = new Machines(api, cluster, new GuestAgent(api), snippets, context.deploymentId());
        VmRemoval removal = new VmRemoval(api, cluster, machines, snippets, tasks);
        VmCreation creation = new VmCreation(api, settings, cluster, machines, snippets, tasks, removal,
                context.deploymentId(), context.clock());
        ProxmoxCompute compute = new ProxmoxCompute(api, machines, creation, removal, tasks, settings);
        return new ProxmoxProvider(name, api, compute, new ProxmoxCatalogue(settings),
                new ProxmoxLimits(cluster, settings, context.deploymentId()));
    }
}
