package io.vantage.api.tunnel.guacamole;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.guacamole.protocol.GuacamoleClientInformation;
import org.junit.jupiter.api.Test;

class GuacClientDisplayTest {

    @Test
    void takesTheBrowsersSize() {
        ClientDisplay display = ClientDisplay.from(Map.of("width", "1600", "height", "900", "dpi", "192",
                "timezone", "Europe/Paris"), 1280, 800);
        assertThat(display).isEqualTo(new ClientDisplay(1600, 900, 192, "Europe/Paris"));

        GuacamoleClientInformation info = display.information("1001");
        assertThat(info.getOptimalScreenWidth()).isEqualTo(1600);
        assertThat(info.getOptimalScreenHeight()).isEqualTo(900);
        assertThat(info.getOptimalResolution()).isEqualTo(192);
        assertThat(info.getTimezone()).isEqualTo("Europe/Paris");
        assertThat(info.getName()).isEqualTo("1001");
        assertThat(info.getImageMimetypes()).contains("image/png");
    }

    @Test
    void defaultsToTheInstanceScreen() {
        assertThat(ClientDisplay.from(Map.of(), 1280, 800)).isEqualTo(new ClientDisplay(1280, 800, 96, null));
        assertThat(ClientDisplay.from(Map.of("width", "wide", "height", "", "dpi", "1e3"), 1024, 768))
                .isEqualTo(new ClientDisplay(1024, 768, 96, null));
    }

    @Test
    void boundsWhatTheBrowserSays() {
        assertThat(ClientDisplay.from(Map.of("width", "99999", "height", "-5", "dpi", "4000"), 1280, 800))
                .isEqualTo(new ClientDisplay(ClientDisplay.MAX_SIDE, ClientDisplay.MIN_HEIGHT, ClientDisplay.MAX_DPI,
                        null));
        assertThat(ClientDisplay.from(Map.of("width", "12345678901"), 1280, 800).width()).isEqualTo(1280);
        assertThat(ClientDisplay.from(Map.of("width", "10", "dpi", "1"), 1280, 800))
                .isEqualTo(new ClientDisplay(ClientDisplay.MIN_WIDTH, 800, ClientDisplay.MIN_DPI, null));
    }

    @Test
    void onlyRealTimeZonesPass() {
        assertThat(ClientDisplay.from(Map.of("timezone", "Mars/Olympus"), 1, 1).timezone()).isNull();
        assertThat(ClientDisplay.from(Map.of("timezone", "Europe/Paris\";rm"), 1, 1).timezone()).isNull();
        assertThat(ClientDisplay.from(Map.of("timezone", "UTC"), 1, 1).timezone()).isEqualTo("UTC");
    }
}
