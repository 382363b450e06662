package io.vantage.api.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

/** Launches instances on the local provider through the API and waits for them, for tests. */
public final class Desktops {

    private Desktops() {
    }

    /** A scientist of their own for one test class, on an experiment, so no other test's instances use their quota. */
    public static String scientist(JdbcTemplate jdbc, String id, String experiment) {
        jdbc.update("insert into users (id, first_name, last_name, email) values (?, 'Test', ?, ?) on conflict do nothing",
                id, "Scientist " + id, id + "@example.org");
        jdbc.update("insert into experiment_users (experiment_id, user_id) values (?, ?) on conflict do nothing",
                experiment, id);
        return id;
    }

    public static long plan(JdbcTemplate jdbc, String image, String flavour) {
        return jdbc.queryForObject("""
                select p.id from plans p join images i on i.id = p.image_id join flavours f on f.id = p.flavour_id
                where i.provider_image_id = ? and f.provider_flavour_id = ? and not p.deleted
                  and i.name in ('Analysis desktop', 'Jupyter notebook') order by p.id limit 1""", Long.class, image, flavour);
    }

    /** Launches and waits until ACTIVE; returns the uid. */
    public static String launchActive(ApiClient owner, JdbcTemplate jdbc, String image, List<String> experiments)
            throws Exception {
        ApiClient.Response launched = owner.post("/api/instances", Map.of("planId", plan(jdbc, image, "small"),
                "experimentIds", experiments, "name", "Test " + image, "screenWidth", 1024, "screenHeight", 768));
        assertThat(launched.status()).as(launched.raw()).isEqualTo(202);
        String uid = launched.get("uid").asText();
        awaitState(owner, uid, "ACTIVE");
        return uid;
    }

    public static void awaitState(ApiClient client, String uid, String state) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            ApiClient.Response instance = client.get("/api/instances/" + uid);
            assertThat(instance.get("state").asText()).as("state of %s (%s)", uid, instance.get("stateReason"))
                    .isEqualTo(state);
        });
    }

    public static String ticket(ApiClient client, String uid, String protocol) throws Exception {
        ApiClient.Response response = client.post("/api/instances/" + uid + "/tickets", Map.of("protocol", protocol));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.get("ticket").asText();
    }

    /** The desktop's home folder in the local provider's work dir (where its xterm's commands write). */
    public static Optional<Path> home(JdbcTemplate jdbc, String uid) throws IOException {
        String computeId = jdbc.queryForObject("select compute_id from instances where uid = ?", String.class, uid);
        try (Stream<Path> dirs = Files.find(TestWorkDirs.ROOT, 4,
                (path, attributes) -> attributes.isDirectory() && path.getFileName().toString().equals(computeId))) {
            return dirs.findFirst().map(dir -> dir.resolve("home"));
        }
    }

    /** Whether a file of that name exists in the desktop's home folder. */
    public static boolean inHome(JdbcTemplate jdbc, String uid, String file) throws IOException {
        return home(jdbc, uid).filter(home -> Files.exists(home.resolve(file))).isPresent();
    }
}
