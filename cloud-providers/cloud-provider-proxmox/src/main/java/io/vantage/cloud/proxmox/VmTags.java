package io.vantage.cloud.proxmox;

import io.vantage.cloud.api.Tags;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portal's tags as Proxmox VM tags. A Proxmox tag is one word of {@code [a-z0-9_+.-]}, so a tag is
 * {@code key.value} with every other character of the value written as {@code +} and its UTF-8 bytes in hex: any
 * deployment id, instance uid or owner survives the round trip exactly.
 */
final class VmTags {

    static final String CREATED = "vantage-created";
    private static final List<String> KEYS = List.of(Tags.DEPLOYMENT, Tags.INSTANCE, Tags.OWNER, CREATED);

    private VmTags() {
    }

    /** The {@code tags} value for a new machine: its portal tags and when it was made. */
    static String of(Map<String, String> tags, Instant created) {
        List<String> words = new ArrayList<>();
        tags.forEach((key, value) -> {
            if (KEYS.contains(key) && value != null) {
                words.add(key + "." + encode(value));
            }
        });
        words.add(CREATED + "." + created.getEpochSecond());
        return String.join(";", words);
    }

    /** The portal's tags among a VM's tags (others are left to their owners); {@code created} as epoch seconds. */
    static Map<String, String> parse(String tags) {
        Map<String, String> parsed = new LinkedHashMap<>();
        if (tags == null || tags.isBlank()) {
            return parsed;
        }
        for (String word : tags.split("[;,\\s]+")) {
            int dot = word.indexOf('.');
            if (dot > 0 && KEYS.contains(word.substring(0, dot))) {
                parsed.put(word.substring(0, dot), decode(word.substring(dot + 1)));
            }
        }
        return parsed;
    }

    static Instant created(Map<String, String> tags) {
        try {
            String value = tags.get(CREATED);
            return value == null ? null : Instant.ofEpochSecond(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.') {
                encoded.append(c);
            } else {
                encoded.append('+').append(Character.forDigit((b >> 4) & 0xf, 16))
                        .append(Character.forDigit(b & 0xf, 16));
            }
        }
        return encoded.toString();
    }

    static String decode(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '+' && i + 2 < value.length() && Character.digit(value.charAt(i + 1), 16) >= 0
                    && Character.digit(value.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(value.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(Character.toLowerCase(c));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
