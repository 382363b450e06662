package io.vantage.api.tunnel.guacamole;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.guacamole.protocol.GuacamoleClientInformation;

/**
 * What the browser may say about itself when it connects (query parameters {@code width}, {@code height}, {@code dpi},
 * {@code timezone}), checked and bounded. Anything else in the query is ignored: connection parameters are the
 * server's business.
 */
record ClientDisplay(int width, int height, int dpi, String timezone) {

    static final int MIN_WIDTH = 320;
    static final int MIN_HEIGHT = 200;
    static final int MAX_SIDE = 8192;
    static final int MIN_DPI = 48;
    static final int MAX_DPI = 480;
    static final int DEFAULT_DPI = 96;

    /** Image formats every browser guacamole-common-js runs in decodes; guacd always has PNG to fall back on. */
    static final List<String> IMAGE_TYPES = List.of("image/png", "image/jpeg", "image/webp");

    static ClientDisplay from(Map<String, String> query, int defaultWidth, int defaultHeight) {
        return new ClientDisplay(
                bounded(query.get("width"), defaultWidth, MIN_WIDTH, MAX_SIDE),
                bounded(query.get("height"), defaultHeight, MIN_HEIGHT, MAX_SIDE),
                bounded(query.get("dpi"), DEFAULT_DPI, MIN_DPI, MAX_DPI),
                zone(query.get("timezone")));
    }

    GuacamoleClientInformation information(String name) {
        GuacamoleClientInformation info = new GuacamoleClientInformation();
        info.setOptimalScreenWidth(width);
        info.setOptimalScreenHeight(height);
        info.setOptimalResolution(dpi);
        info.getImageMimetypes().addAll(IMAGE_TYPES);
        info.setTimezone(timezone);
        info.setName(name);
        return info;
    }

    private static int bounded(String value, int fallback, int min, int max) {
        int parsed = fallback;
        if (value != null && value.length() <= 6) {
            try {
                parsed = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                parsed = fallback;
            }
        }
        return Math.max(min, Math.min(max, parsed));
    }

    /** Only real zone ids reach guacd (it hands them to the desktop's session). */
    private static String zone(String value) {
        if (value == null || value.isBlank() || value.length() > 64 || !value.matches("[A-Za-z0-9_+\\-/]+")) {
            return null;
        }
        try {
            return ZoneId.of(value).getId();
        } catch (DateTimeException e) {
            return null;
        }
    }
}
