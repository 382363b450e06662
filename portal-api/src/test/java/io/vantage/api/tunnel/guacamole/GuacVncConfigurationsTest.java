package io.vantage.api.tunnel.guacamole;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.guacamole.protocol.GuacamoleConfiguration;
import org.junit.jupiter.api.Test;

import io.vantage.api.tunnel.TunnelTargets.Target;
import io.vantage.cloud.api.Endpoint;

class GuacVncConfigurationsTest {

    private final Target target = new Target(new Endpoint("10.0.0.7", 5901), "s3cret-vnc", 1280, 800,
            "de-de-qwertz", "Copolymer reduction");

    @Test
    void newConnectionGoesToTheInstancesVncServer() {
        GuacamoleConfiguration config = VncConfigurations.create(target);
        assertThat(config.getProtocol()).isEqualTo("vnc");
        assertThat(config.getConnectionID()).isNull();
        assertThat(config.getParameters()).containsEntry("hostname", "10.0.0.7").containsEntry("port", "5901")
                .containsEntry("password", "s3cret-vnc").containsEntry("color-depth", "24")
                .containsEntry("read-only", "false").containsEntry("disable-copy", "false")
                .containsEntry("disable-paste", "false").containsEntry("server-layout", "de-de-qwertz")
                .containsEntry("disable-display-resize", "false");
    }

    @Test
    void joiningNeedsNeitherAddressNorSecretAndKeepsInputSwitchableByThePortal() {
        GuacamoleConfiguration config = VncConfigurations.join("$abc");
        assertThat(config.getConnectionID()).isEqualTo("$abc");
        // guacd would never accept a read-only joiner's input again, even after a promotion
        assertThat(config.getParameters()).containsEntry("read-only", "false").containsEntry("disable-paste", "false")
                .doesNotContainKeys("hostname", "port", "password");
    }

    @Test
    void keyboardLayoutsMapToGuacdKeymaps() {
        assertThat(GuacdKeymaps.serverLayout("en-gb-qwerty")).contains("en-gb-qwerty");
        assertThat(GuacdKeymaps.serverLayout("fi-fi-qwerty")).contains("sv-se-qwerty");
        assertThat(GuacdKeymaps.serverLayout("xx-yy-dvorak")).isEmpty();
        assertThat(GuacdKeymaps.serverLayout(null)).isEmpty();
        for (String layout : io.vantage.api.launch.KeyboardLayouts.ALL) {
            assertThat(GuacdKeymaps.serverLayout(layout)).as(layout).isPresent();
        }
    }
}
