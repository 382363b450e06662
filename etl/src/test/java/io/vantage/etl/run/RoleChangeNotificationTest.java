package io.vantage.etl.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.domain.etl.EtlRun.Outcome;
import io.vantage.etl.DatabaseTest;
import io.vantage.etl.load.AccessNotices;

/**
 * An import that changes people's roles tells running portals, on the portal's access-change channel, so their
 * open desktops, notebooks and pages are decided again at once; people whose roles did not change, a dry run and
 * an import that changes nothing tell nobody.
 */
class RoleChangeNotificationTest extends DatabaseTest {

    @Autowired
    DataSource dataSource;

    Connection listener;

    @BeforeEach
    void listen() throws Exception {
        listener = dataSource.getConnection();
        try (Statement statement = listener.createStatement()) {
            statement.execute("listen " + AccessNotices.CHANNEL);
        }
    }

    @AfterEach
    void stop() throws Exception {
        listener.close();
    }

    @Test
    void theFirstImportTellsAboutEveryoneItGaveARoleOrInstrument() throws Exception {
        assertThat(run().outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(userIds(received())).containsExactlyInAnyOrder("U1001", "U1003", "U1005");
    }

    @Test
    void aRoleTheUserOfficeStopsListingIsToldOnceCommittedAndOnlyForThatPerson() throws Exception {
        run();
        received();
        assertThat(run().outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(received()).as("nothing changed, nobody told").isEmpty();

        files.write("roles.csv", files.read("roles.csv").replace("U1001,STAFF,\n", ""));
        assertThat(run(true, io.vantage.domain.etl.EtlRun.Policy.ALL_OR_NOTHING).outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(received()).as("a dry run is rolled back, and so are its notifications").isEmpty();

        assertThat(run().outcome()).isEqualTo(Outcome.SUCCEEDED);
        List<Map<String, Object>> told = received();
        assertThat(userIds(told)).containsExactly("U1001");
        assertThat(told.get(0)).containsEntry("instanceId", null)
                .containsEntry("reason", "Your roles from the user office changed.");
    }

    /** What arrived on the channel so far, as the portal would parse it. */
    private List<Map<String, Object>> received() throws Exception {
        List<Map<String, Object>> payloads = new ArrayList<>();
        try (Statement statement = listener.createStatement()) {
            statement.execute("select 1"); // notifications are read with the next answer on this connection
        }
        PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications();
        JsonMapper json = JsonMapper.builder().build();
        for (PGNotification notification : notifications == null ? new PGNotification[0] : notifications) {
            assertThat(notification.getName()).isEqualTo(AccessNotices.CHANNEL);
            @SuppressWarnings("unchecked")
            Map<String, Object> payload = json.readValue(notification.getParameter(), Map.class);
            payloads.add(payload);
        }
        return payloads;
    }

    private static List<Object> userIds(List<Map<String, Object>> payloads) {
        return payloads.stream().map(payload -> payload.get("userId")).toList();
    }
}
