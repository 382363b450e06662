package io.vantage.cloud.openstack;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.vantage.cloud.openstack.FakeOpenStack.server;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Compute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every Nova status, as GET /servers/{id} returns it (with Nova's matching vm_state), to the SPI's state. */
class ServerStateMappingTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private final FakeOpenStack cloud = new FakeOpenStack(wm);
    private Compute compute;

    @BeforeEach
    void setUp() {
        cloud.keystoneIssues("token-1");
        compute = cloud.provider().compute();
    }

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource({
            "BUILD,             building,    BUILDING",
            "ACTIVE,            active,      RUNNING",
            "SHUTOFF,           stopped,     STOPPED",
            "PAUSED,            paused,      STOPPED",
            "SUSPENDED,         suspended,   STOPPED",
            "SHELVED,           shelved,     STOPPED",
            "SHELVED_OFFLOADED, shelved_offloaded, STOPPED",
            "REBOOT,            active,      REBOOTING",
            "HARD_REBOOT,       active,      REBOOTING",
            "DELETED,           deleted,     DELETED",
            "SOFT_DELETED,      soft-delete, DELETED",
            "ERROR,             error,       ERROR",
            "MIGRATING,         active,      UNKNOWN",
            "RESIZE,            active,      UNKNOWN",
            "VERIFY_RESIZE,     resized,     UNKNOWN",
            "RESCUE,            rescued,     UNKNOWN",
            "UNKNOWN,           active,      UNKNOWN",
            "SOMETHING_NEW,     active,      UNKNOWN"
    })
    void novaStatusMapsToCloudState(String novaStatus, String vmState, CloudState expected) {
        String fault = expected == CloudState.ERROR ? "Build of instance aborted: Failed to allocate the network(s)" : null;
        cloud.novaGetServer("s-1", server("s-1", novaStatus, vmState, FakeOpenStack.DEPLOYMENT, fault));

        CloudInstance instance = compute.get("s-1").orElseThrow();

        assertThat(instance.state()).isEqualTo(expected);
        assertThat(instance.fault()).isEqualTo(fault);
    }
}
