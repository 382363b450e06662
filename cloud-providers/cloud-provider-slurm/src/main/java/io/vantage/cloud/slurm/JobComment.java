package io.vantage.cloud.slurm;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job's comment is its tag store: {@code key=value;key=value} with percent-encoded values. The provider writes the
 * instance's tags at submission; the job script appends {@code vantage-ports=5901:41234} once its server listens, or
 * {@code vantage-error=...} when it cannot start. The job's own user may rewrite the comment, so nothing read from it
 * is trusted beyond the job itself: ports are checked, and the host always comes from Slurm's allocation.
 */
final class JobComment {

    static final String PORTS = "vantage-ports";
    static final String ERROR = "vantage-error";

    private JobComment() {
    }

    static String of(Map<String, String> tags) {
        StringBuilder comment = new StringBuilder();
        tags.forEach((key, value) -> {
            if (value != null) {
                comment.append(comment.isEmpty() ? "" : ";").append(key).append('=').append(encode(value));
            }
        });
        return comment.toString();
    }

    /** Tags of the comment; parts that are not {@code key=value} are ignored, the first of a key wins. */
    static Map<String, String> parse(String comment) {
        if (comment == null || comment.isBlank()) {
            return Map.of();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        for (String part : comment.split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                String key = part.substring(0, equals).trim();
                if (!tags.containsKey(key)) {
                    tags.put(key, decode(part.substring(equals + 1)));
                }
            }
        }
        return Collections.unmodifiableMap(tags);
    }

    /** {@code 5901:41234,8888:40001} as well-known port to real port; anything malformed or privileged is dropped. */
    static Map<Integer, Integer> ports(String value) {
        if (value == null || value.isBlank()) {
            return Map.of();
        }
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            String[] parts = pair.trim().split(":");
            if (parts.length == 2) {
                try {
                    int wellKnown = Integer.parseInt(parts[0]);
                    int real = Integer.parseInt(parts[1]);
                    // a user-writable comment must not steer the portal to a system service on the node
                    if (wellKnown > 0 && wellKnown <= 65535 && real >= 1024 && real <= 65535) {
                        ports.putIfAbsent(wellKnown, real);
                    }
                } catch (NumberFormatException e) {
                    // ignored: not a port pair
                }
            }
        }
        return Collections.unmodifiableMap(ports);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
