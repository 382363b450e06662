package io.vantage.bench.desktop;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.bench.portal.PortalProcess;

/**
 * A desktop usable within 5 s of clicking Launch although the cloud needs a minute to boot a machine: the real
 * portal (its own process, default settings) with a cloud whose machines say BUILDING for {@code bench.pool.boot}
 * after their create and then serve a real desktop (the benchmark's {@code slow-boot} plugin: the local provider's
 * Xvnc desktops behind a slow cloud). Two plans of that cloud, one with a pool. Each round, in Chromium as 1001: the
 * launch wizard's Launch button for the pooled plan, then for the plan without a pool; from the click to the first
 * frame the desktop draws after its viewer connected.
 */
public final class PoolBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** With the page probe: when Launch was clicked (kept across the redirect to the instance page). */
    private static final String CLICK = """
            document.addEventListener('click', (e) => {
              if (e.target.closest && e.target.closest('#launch-submit')) sessionStorage.setItem('clickAt', Date.now());
            }, true);
            """;

    /**
     * Epoch milliseconds seen by the page: the click, the launch's answer (the redirect), the instance page received
     * and its scripts run, the live ACTIVE event (0: the page was rendered ACTIVE, or caught up without the event),
     * the viewer on the page, connected, and its first frame.
     */
    record Launch(boolean pooled, long click, long launched, long received, long ready, long active, long viewer,
                  long connected, long frame) {

        static final String HEADER = "| round | plan | launch answered | page received | page ready | ACTIVE event"
                + " | viewer shown | RFB connected | first frame |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|";

        String row(int round) {
            return String.format("| %d | %s | %s | %s | %s | %s | %s | %s | **%s** |", round,
                    pooled ? "pool" : "no pool", since(launched), since(received), since(ready), since(active),
                    since(viewer), since(connected), since(frame));
        }

        private String since(long t) {
            return t == 0 ? "–" : String.format(Locale.ROOT, "%,d ms", t - click);
        }
    }

    private PoolBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        int rounds = Integer.getInteger("bench.rounds", 3);
        int size = Integer.getInteger("bench.pool.size", 2);
        Duration boot = Duration.ofSeconds(Long.getLong("bench.pool.boot-seconds", 60));
        Path jar = Path.of(System.getProperty("bench.portal.jar", "../portal-web/target/vantage-portal.jar"));
        Path plugin = Path.of(System.getProperty("bench.portal.plugin"));
        Path work = Path.of(System.getProperty("bench.work", "target/pool")).toAbsolutePath();
        String load = loadAverage();
        List<Launch> pooled = new ArrayList<>();
        List<Launch> unpooled = new ArrayList<>();
        try (PortalProcess portal = new PortalProcess(jar, work, System.getProperty("bench.portal.heap", "1g"), plugin,
                List.of());
             Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                     .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
             Browser chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                     .setExecutablePath(Path.of(System.getProperty("bench.chromium", "/usr/bin/chromium")))
                     .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--no-first-run", "--disable-background-networking")))) {
            portal.awaitReady(Duration.ofMinutes(10)); // minutes on a busy shared machine
            portal.signIn("admin");
            Cloud cloud = Cloud.register(portal, work.resolve("slowcloud"), boot, size);
            System.out.printf("Slow cloud: machines boot in %d s; plan %d has a pool of %d, plan %d none%n",
                    boot.toSeconds(), cloud.pooledPlan(), size, cloud.plainPlan());
            BrowserContext context = chromium.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
            context.addInitScript(TimeToDesktopBenchmark.PROBE + CLICK);
            Page page = context.newPage();
            signIn(page, portal.base(), "1001");
            Duration wait = boot.plus(Duration.ofMinutes(2));
            for (int round = 0; round <= rounds; round++) {
                Set<String> ready = cloud.awaitReady(portal, 1, wait);
                Launch fast = launch(portal, page, cloud.image(), cloud.pooledPlan(), ready, wait);
                if (round == 0) { // warms both JVMs and Chromium; not reported
                    System.out.println("warm-up: " + fast.row(0));
                    continue;
                }
                pooled.add(fast);
                System.out.println(fast.row(round));
                Launch slow = launch(portal, page, cloud.image(), cloud.plainPlan(), Set.of(), wait);
                unpooled.add(slow);
                System.out.println(slow.row(round));
            }
            cloud.drain(portal, wait); // local machines outlive the portal: leave none behind
        }
        System.out.printf("%nLoad average before: %s, after: %s%n%n", load, loadAverage());
        System.out.println(Launch.HEADER);
        for (int i = 0; i < pooled.size(); i++) {
            System.out.println(pooled.get(i).row(i + 1));
            System.out.println(unpooled.get(i).row(i + 1));
        }
        long fast = median(pooled);
        long slow = median(unpooled);
        System.out.printf("%nClick -> first frame, median of %d: with a pool %,d ms (worst %,d ms), without %,d ms;"
                + " pooled/unpooled %.3f (target: at most 5,000 ms with a pool)%n", pooled.size(), fast,
                pooled.stream().mapToLong(l -> l.frame() - l.click()).max().orElse(0), slow, (double) fast / slow);
        System.exit(0);
    }

    /** Clicks Launch in the wizard for this plan and waits for the desktop's first frame; then deletes it. */
    private static Launch launch(PortalProcess portal, Page page, long image, long plan, Set<String> poolMachines,
                                 Duration wait) throws Exception {
        page.navigate(portal.base() + "/launch?step=details&experiment=EXP-1&image=" + image + "&plan=" + plan);
        page.locator("#name").fill("Pool bench " + System.currentTimeMillis());
        page.locator("#launch-submit").click();
        page.waitForURL("**/instances/*");
        String uid = page.url().replaceAll(".*/instances/([^/?#]+).*", "$1");
        try {
            page.waitForFunction("() => window.__ttd.connected && window.__ttd.draws.some(t => t >= window.__ttd.connected)",
                    null, new Page.WaitForFunctionOptions().setTimeout(wait.toMillis()));
        } catch (RuntimeException e) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "pool-timeout.png")));
            throw e;
        }
        long click = number(page, "() => Number(sessionStorage.getItem('clickAt'))");
        // the navigation that ends on the instance page began with the click's POST, redirected
        String navigation = "performance.getEntriesByType('navigation')[0]";
        long origin = number(page, "() => Math.round(performance.timeOrigin)");
        long launched = origin + number(page, "() => Math.round(" + navigation + ".redirectEnd)");
        long received = origin + number(page, "() => Math.round(" + navigation + ".responseEnd)");
        long ready = origin + number(page, "() => Math.round(" + navigation + ".domContentLoadedEventEnd)");
        long active = number(page, "() => window.__ttd.active || 0");
        long viewer = number(page, "() => window.__ttd.viewer || 0");
        long connected = number(page, "() => window.__ttd.connected");
        long frame = number(page, "() => window.__ttd.draws.find(t => t >= window.__ttd.connected)");
        boolean fromPool = poolMachines.contains(uid);
        if (fromPool != !poolMachines.isEmpty()) {
            throw new IllegalStateException("Launch " + uid + (fromPool ? " took" : " did not take")
                    + " a pool machine (the pool's: " + poolMachines + ")");
        }
        portal.delete("/api/instances/" + uid);
        awaitGone(portal, uid, wait);
        return new Launch(fromPool, click, launched, received, ready, active, viewer, connected, frame);
    }

    private static void awaitGone(PortalProcess portal, String uid, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            String body = portal.get("/api/instances/" + uid).body();
            if (!body.contains("\"uid\"") || body.contains("\"DELETED\"")) {
                return;
            }
            Thread.sleep(200); // polling the deletion
        }
        throw new IllegalStateException("Instance " + uid + " was not deleted within " + timeout);
    }

    private static long number(Page page, String script) {
        return ((Number) page.evaluate(script)).longValue();
    }

    private static long median(List<Launch> launches) {
        List<Long> times = launches.stream().map(l -> l.frame() - l.click()).sorted().toList();
        return times.get(times.size() / 2);
    }

    /** The slow cloud as an admin adds it: provider, desktop image, two flavours and their plans, one pool. */
    record Cloud(long image, long pooledPlan, long plainPlan) {

        static Cloud register(PortalProcess admin, Path workDir, Duration boot, int size) throws Exception {
            Files.createDirectories(workDir);
            long provider = id(admin.post("/api/admin/providers", JSON.writeValueAsString(Map.of("name", "slowcloud",
                    "type", "slow-boot", "settings", Map.of("boot-time", boot.toSeconds() + "s",
                            "work-dir", workDir.toString())))));
            long vnc = -1;
            for (JsonNode protocol : JSON.readTree(ok(admin.get("/api/admin/protocols")).body())) {
                if ("VNC".equals(protocol.get("name").asString())) {
                    vnc = protocol.get("id").asLong();
                }
            }
            long image = id(admin.post("/api/admin/images", JSON.writeValueAsString(Map.of("providerId", provider,
                    "providerImageId", "desktop", "name", "Slow cloud desktop", "visible", true,
                    "protocolIds", List.of(vnc)))));
            long small = id(admin.post("/api/admin/flavours", JSON.writeValueAsString(Map.of("providerId", provider,
                    "providerFlavourId", "small", "name", "Slow small", "cpu", 1, "memoryMib", 2048))));
            long medium = id(admin.post("/api/admin/flavours", JSON.writeValueAsString(Map.of("providerId", provider,
                    "providerFlavourId", "medium", "name", "Slow medium", "cpu", 2, "memoryMib", 4096))));
            long pooled = id(admin.post("/api/admin/plans", JSON.writeValueAsString(Map.of("imageId", image,
                    "flavourId", small))));
            long plain = id(admin.post("/api/admin/plans", JSON.writeValueAsString(Map.of("imageId", image,
                    "flavourId", medium))));
            ok(admin.put("/api/admin/plans/" + pooled + "/pool", "{\"size\":" + size + "}"));
            return new Cloud(image, pooled, plain);
        }

        /**
         * Once the pooled plan has at least this many ready machines: the uids of all its machines (a launch takes
         * a ready one, which may be one that became ready after this look).
         */
        Set<String> awaitReady(PortalProcess admin, int atLeast, Duration timeout) throws Exception {
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                JsonNode pool = JSON.readTree(ok(admin.get("/api/admin/plans/" + pooledPlan + "/pool")).body());
                if (pool.get("ready").asInt() >= atLeast) {
                    List<String> machines = new ArrayList<>();
                    for (JsonNode machine : pool.get("machines")) {
                        machines.add(machine.get("uid").asString());
                    }
                    return machines.stream().collect(Collectors.toUnmodifiableSet());
                }
                Thread.sleep(500); // polling the pool's state
            }
            throw new IllegalStateException("The pool of plan " + pooledPlan + " had no ready machine within "
                    + timeout);
        }

        /** Removes the pool and waits until its machines are gone. */
        void drain(PortalProcess admin, Duration timeout) throws Exception {
            List<String> machines = new ArrayList<>();
            JsonNode pool = JSON.readTree(ok(admin.get("/api/admin/plans/" + pooledPlan + "/pool")).body());
            pool.get("machines").forEach(machine -> machines.add(machine.get("uid").asString()));
            ok(admin.delete("/api/admin/plans/" + pooledPlan + "/pool"));
            for (String uid : machines) {
                awaitGone(admin, uid, timeout);
            }
        }

        private static long id(HttpResponse<String> response) {
            return JSON.readTree(ok(response).body()).get("id").asLong();
        }

        private static HttpResponse<String> ok(HttpResponse<String> response) {
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response;
        }
    }

    private static void signIn(Page page, String base, String user) {
        page.navigate(base + "/");
        page.waitForSelector("h1");
        page.locator("button[data-user='" + user + "']").click();
        page.waitForSelector("body[data-user='" + user + "']");
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
