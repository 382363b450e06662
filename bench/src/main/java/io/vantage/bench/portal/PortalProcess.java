package io.vantage.bench.portal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The real portal, from its jar, in its own JVM (embedded PostgreSQL, embedded login, local provider), with the
 * benchmark's settings. Signed in as 1001 like a browser; its heap and CPU time are read over JMX.
 */
public final class PortalProcess implements AutoCloseable {

    private final Process process;
    /** The desktops this process launched: deleted before the portal stops, since local desktops outlive it. */
    private final List<String> launched = new ArrayList<>();
    private final int port;
    private final int jmxPort;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private String csrfHeader;
    private String csrfToken;
    private JMXConnector jmx;

    /**
     * @param plugin   a jar added to the portal's class path (e.g. the benchmark's fixed VNC target), or null
     * @param settings extra {@code --name=value} arguments
     */
    public PortalProcess(Path jar, Path work, String heap, Path plugin, List<String> settings) throws IOException {
        port = freePort();
        jmxPort = freePort();
        Files.createDirectories(work);
        deleteTree(work.resolve("pgdata"));
        // -Dbench.portal.java=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java runs the portal on another JDK
        String java = System.getProperty("bench.portal.java", "");
        List<String> command = new ArrayList<>(List.of(java.isBlank()
                ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : java, "-Xmx" + heap,
                "-Dcom.sun.management.jmxremote.port=" + jmxPort, "-Dcom.sun.management.jmxremote.rmi.port=" + jmxPort,
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false",
                "-Dcom.sun.management.jmxremote.local.only=true", "-Djava.rmi.server.hostname=127.0.0.1"));
        // e.g. -Dbench.portal.jvm-args=-XX:StartFlightRecording=filename=portal.jfr to profile the portal
        String extra = System.getProperty("bench.portal.jvm-args", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        if (plugin == null) {
            command.addAll(List.of("-jar", jar.toString()));
        } else {
            // the fat jar's launcher that takes extra class path entries
            command.addAll(List.of("-Dloader.path=" + plugin, "-cp", jar.toString(),
                    "org.springframework.boot.loader.launch.PropertiesLauncher"));
        }
        command.addAll(List.of("--server.port=" + port,
                // its own data directory: throw-away servers in the shared temp folder get cleaned up by others
                "--vantage.database.embedded.ephemeral=false",
                "--vantage.database.embedded.data-dir=" + work.resolve("pgdata"),
                "--vantage.cloud.providers.local.type=local",
                "--vantage.cloud.providers.local.settings.work-dir=" + work.resolve("local"),
                "--vantage.commands.poll-interval=200ms",
                "--logging.level.root=WARN", "--logging.level.io.vantage=INFO"));
        command.addAll(settings);
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("portal.log").toFile()).start();
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public String websocketBase() {
        return "ws://127.0.0.1:" + port;
    }

    public void awaitReady(Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The portal exited with " + process.exitValue());
            }
            try {
                if (get("/actuator/health").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500); // polling a starting process: nothing to wait on but time
        }
        throw new IllegalStateException("The portal did not start within " + timeout);
    }

    /** The embedded provider's login page, as a person clicks through it; then the CSRF token of a page. */
    public void signIn(String user) throws Exception {
        String authorize = location(get(location(get("/"))));
        get(authorize);
        HttpResponse<String> callback = send(HttpRequest.newBuilder(URI.create(authorize))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user,
                        StandardCharsets.UTF_8))).build());
        HttpResponse<String> landed = get(location(callback));
        String page = get("/demo/desktop/none").body();
        if (landed.statusCode() >= 400 || !page.contains("_csrf")) {
            throw new IllegalStateException("Sign-in failed: " + landed.statusCode());
        }
        csrfToken = meta(page, "_csrf");
        csrfHeader = meta(page, "_csrf_header");
    }

    public HttpResponse<String> post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header(csrfHeader, csrfToken)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> put(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header(csrfHeader, csrfToken)
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> delete(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header(csrfHeader, csrfToken).DELETE().build());
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base() + path))
                .header("Accept", "application/json, text/html").GET().build());
    }

    /**
     * Launches a desktop on the local provider and waits until it is ACTIVE; returns its uid. There is no plan
     * listing in the API: plans are tried in order until one is the VNC desktop (the demo data has a handful).
     */
    public String launchDesktop(String name) throws Exception {
        String uid = startDesktop(name);
        long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < end) {
            if (get("/api/instances/" + uid).body().contains("\"state\":\"ACTIVE\"")) {
                return uid;
            }
            Thread.sleep(250); // polling the instance's state
        }
        throw new IllegalStateException("The desktop did not become ACTIVE");
    }

    /** Asks for a desktop (1280x800) and returns its uid at once. */
    public String startDesktop(String name) throws Exception {
        for (int plan = 1; plan <= 12; plan++) {
            HttpResponse<String> answer = post("/api/instances", "{\"planId\":" + plan
                    + ",\"experimentIds\":[\"EXP-1\"],\"name\":\"" + name + "\",\"screenWidth\":1280,"
                    + "\"screenHeight\":800,\"keyboardLayout\":\"en-us-qwerty\"}");
            if (answer.statusCode() != 202) {
                continue;
            }
            String uid = field(answer.body(), "uid");
            if (answer.body().contains("\"VNC\"")) {
                launched.add(uid);
                return uid;
            }
            delete("/api/instances/" + uid);
        }
        throw new IllegalStateException("No desktop plan could be launched");
    }

    /** Deletes the desktops launched here and waits (at most a minute) until the portal says they are gone. */
    private void deleteLaunched() throws Exception {
        for (String uid : launched) {
            delete("/api/instances/" + uid);
        }
        long end = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        List<String> left = new ArrayList<>(launched);
        while (!left.isEmpty() && System.nanoTime() < end) {
            HttpResponse<String> state = get("/api/instances/" + left.get(0));
            if (state.statusCode() == 404 || state.body().contains("\"state\":\"DELETED\"")) {
                left.remove(0);
            } else {
                Thread.sleep(250); // polling the deletion
            }
        }
        if (!left.isEmpty()) {
            System.err.println("Desktops " + left + " were still being deleted when the portal stopped");
        }
    }

    /** A single-use ticket for a tunnel to this instance. */
    public String ticket(String uid, String protocol) throws Exception {
        HttpResponse<String> ticket = post("/api/instances/" + uid + "/tickets", "{\"protocol\":\"" + protocol + "\"}");
        if (ticket.statusCode() != 200) {
            throw new IllegalStateException("No ticket: " + ticket.statusCode() + " " + ticket.body());
        }
        return field(ticket.body(), "ticket");
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + name + " in " + json);
        }
        return matcher.group(1);
    }

    /** Used heap after a full collection, in bytes. */
    public long heapAfterGc() throws IOException {
        MemoryMXBean memory = ManagementFactory.newPlatformMXBeanProxy(jmx().getMBeanServerConnection(),
                ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** CPU time the portal's process has used so far. */
    public long cpuNanos() throws IOException {
        return ManagementFactory.newPlatformMXBeanProxy(jmx().getMBeanServerConnection(),
                ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME, com.sun.management.OperatingSystemMXBean.class)
                .getProcessCpuTime();
    }

    private JMXConnector jmx() throws IOException {
        if (jmx == null) {
            jmx = JMXConnectorFactory.connect(new JMXServiceURL(
                    "service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi"));
        }
        return jmx;
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("Expected a redirect, got " + response.statusCode()));
        return location.startsWith("/") ? base() + location : location;
    }

    private static String meta(String html, String name) {
        Matcher matcher = Pattern.compile("<meta name=\"" + name + "\" content=\"([^\"]+)\"").matcher(html);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + name + " in the page");
        }
        return matcher.group(1);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** A port nothing listens on now (the operating system's pick). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The operating system's id of the portal's process. */
    public long pid() {
        return process.pid();
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        try {
            deleteLaunched();
        } catch (Exception e) {
            System.err.println("Could not delete the benchmark's desktops " + launched + ": " + e);
        }
        if (jmx != null) {
            jmx.close();
        }
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
