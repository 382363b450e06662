package io.vantage.cloud.proxmox;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.vantage.cloud.api.ProviderContext;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A small Proxmox VE cluster that keeps state, over real HTTPS (WireMock with its own certificate), answering as
 * Proxmox 8 does (see {@link ProxmoxRoutes}): two nodes, a template, a stranger's VM and container, tasks that run
 * for a number of requests and then stop with an exit status. Faults: a task that fails, an answer lost after the
 * work was done, a slow task, a lock, a refused parameter.
 */
final class FakeProxmox implements AutoCloseable {

    static final String TOKEN_ID = "vantage@pve!portal";
    static final String TOKEN_SECRET = "3f2b1c9e-5d4a-4e7b-9c1d-2a6f8e0b7d35";
    static final int TEMPLATE = 9000;
    static final long GIB = 1024L * 1024 * 1024;

    /** A VM as the cluster keeps it; {@code name} is null while a clone copies its disks, as in Proxmox. */
    static final class Vm {
        final int vmid;
        volatile String node;
        volatile String name;
        volatile boolean template;
        volatile String status = "stopped";
        volatile String qmpstatus = "stopped";
        volatile String lock;
        volatile String tags;
        volatile String description;
        volatile int cores = 1;
        volatile int memory = 2048;
        final Map<String, String> config = new ConcurrentHashMap<>();
        final AtomicInteger agentCalls = new AtomicInteger();

        Vm(int vmid, String node) {
            this.vmid = vmid;
            this.node = node;
        }
    }

    /** A task finishes after {@code ticks} further requests to the cluster (any request counts as time passing). */
    static final class Task {
        final String upid;
        final String node;
        final String type;
        volatile int ticks;
        volatile String exitstatus;
        volatile Runnable work;
        volatile Runnable undo = () -> { };
        volatile boolean done;

        Task(String upid, String node, String type, int ticks, Runnable work) {
            this.upid = upid;
            this.node = node;
            this.type = type;
            this.ticks = ticks;
            this.work = work;
        }
    }

    final Map<Integer, Vm> vms = new ConcurrentHashMap<>();
    final Map<String, Task> tasks = new ConcurrentHashMap<>();
    final Map<String, long[]> nodes = new ConcurrentHashMap<>();
    final Map<String, String> failingTasks = new ConcurrentHashMap<>();
    final Map<String, Integer> slowTasks = new ConcurrentHashMap<>();
    final Map<String, String> refusedParameters = new ConcurrentHashMap<>();
    final List<String> lostAnswers = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AtomicInteger clones = new AtomicInteger();
    volatile int agentReadyAfter = 2;
    /** Another client takes the next VM id between {@code /cluster/nextid} and the clone. */
    volatile boolean nextIdRace;

    private final WireMockServer wm;

    FakeProxmox() {
        this(null);
    }

    /** With the certificate in this PKCS#12 key store (password {@code changeit}), or WireMock's own when null. */
    FakeProxmox(Path keyStore) {
        nodes.put("pve1", new long[] {16, 64 * GIB, 40 * GIB});
        nodes.put("pve2", new long[] {16, 64 * GIB, 8 * GIB});
        Vm template = new Vm(TEMPLATE, "pve1");
        template.name = "ubuntu-2404-vantage";
        template.template = true;
        template.tags = "template";
        template.config.put("ide2", "local-lvm:vm-9000-cloudinit,media=cdrom");
        vms.put(TEMPLATE, template);
        Vm stranger = new Vm(100, "pve1");
        stranger.name = "mail";
        stranger.status = "running";
        stranger.qmpstatus = "running";
        stranger.cores = 4;
        stranger.memory = 8192;
        vms.put(100, stranger);
        var options = options().httpDisabled(true).dynamicHttpsPort().extensions(new ProxmoxRoutes(this));
        if (keyStore != null) {
            options.keystorePath(keyStore.toString()).keystoreType("PKCS12").keystorePassword("changeit")
                    .keyManagerPassword("changeit");
        }
        wm = new WireMockServer(options);
        wm.start();
        wm.stubFor(any(urlPathMatching("/api2/json/.*")).willReturn(aResponse()));
    }

    String url() {
        return "https://localhost:" + wm.httpsPort();
    }

    WireMockServer wireMock() {
        return wm;
    }

    ProxmoxSettings settings(Path snippets) {
        return settings(snippets, fingerprint());
    }

    ProxmoxSettings settings(Path snippets, String fingerprint) {
        return new ProxmoxSettings(url(), TOKEN_ID, TOKEN_SECRET, null, fingerprint,
                Map.of("desktop", new ProxmoxSettings.Image("Desktop", TEMPLATE, List.of(5901, 8888))),
                Map.of("small", new ProxmoxSettings.Flavour("Small", 2, 4096, 0, null),
                        "gpu", new ProxmoxSettings.Flavour("GPU", 8, 32768, 1, "a100")),
                List.of(), false, null, null, "cephfs", snippets.toString(), null, 10, null,
                Duration.ofSeconds(5), Duration.ofMillis(20));
    }

    static io.vantage.cloud.api.CloudProvider provider(ProxmoxSettings settings, String deployment) {
        return new ProxmoxProviderFactory().create("pve", settings,
                new ProviderContext(deployment, Clock.systemUTC(), Duration.ofSeconds(5)));
    }

    /** The next task of this type (qmclone, qmstart, ...) stops with this exit status, its work undone. */
    void failNextTask(String type, String exitstatus) {
        failingTasks.put(type, exitstatus);
    }

    /** Tasks of this type take this many further requests to finish. */
    void slowTasks(String type, int ticks) {
        slowTasks.put(type, ticks);
    }

    /** The next request matching "METHOD path-regex" is carried out, but its answer never arrives. */
    void loseNextAnswer(String methodAndPath) {
        lostAnswers.add(methodAndPath);
    }

    /** Config updates with this parameter are refused with a 400 and this message, as parameter checks do. */
    void refuseParameter(String parameter, String message) {
        refusedParameters.put(parameter, message);
    }

    Vm vm(int vmid) {
        return vms.get(vmid);
    }

    /** The SHA-256 fingerprint of the stub's certificate, as Proxmox shows one. */
    String fingerprint() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] chain, String type) {
                }

                public void checkServerTrusted(X509Certificate[] chain, String type) {
                }

                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", wm.httpsPort())) {
                socket.startHandshake();
                X509Certificate certificate = (X509Certificate) socket.getSession().getPeerCertificates()[0];
                String hex = ProxmoxTls.fingerprintOf(certificate).toUpperCase();
                return hex.replaceAll("(..)(?!$)", "$1:");
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the stub's certificate", e);
        }
    }

    static Fault lostAnswer() {
        return Fault.CONNECTION_RESET_BY_PEER;
    }

    @Override
    public void close() {
        wm.stop();
    }
}
