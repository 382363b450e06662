package io.vantage.cloud.local;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Reads and writes an {@link InstanceRecord} as a properties file: the JDK escapes it, and a person can read it. */
final class InstanceRecordFormat {

    private static final String TAG = "tag.";
    private static final String PORT = "port.";
    private static final String PROCESS = "process.";

    private InstanceRecordFormat() {
    }

    static String write(InstanceRecord record) {
        Properties properties = new Properties();
        properties.setProperty("computeId", record.computeId());
        properties.setProperty("name", nullToEmpty(record.name()));
        properties.setProperty("image", record.imageId());
        properties.setProperty("flavour", nullToEmpty(record.flavourId()));
        properties.setProperty("createdAt", record.createdAt().toString());
        properties.setProperty("screen", record.screenWidth() + "x" + record.screenHeight());
        properties.setProperty("desired", record.desired().name());
        properties.setProperty("display", Integer.toString(record.display()));
        if (record.fault() != null) {
            properties.setProperty("fault", record.fault());
        }
        if (record.user() != null) {
            properties.setProperty("user", record.user().format());
        }
        record.tags().forEach((key, value) -> properties.setProperty(TAG + key, value));
        record.ports().forEach((wellKnown, actual) -> properties.setProperty(PORT + wellKnown, actual.toString()));
        List<ProcessRecord> processes = record.processes();
        for (int i = 0; i < processes.size(); i++) {
            ProcessRecord process = processes.get(i);
            properties.setProperty(PROCESS + i, process.role() + "," + process.pid() + ","
                    + process.startedAtMillis() + "," + process.essential());
        }
        StringWriter out = new StringWriter();
        try {
            properties.store(out, "Vantage local instance (no secrets here; see secrets/)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static InstanceRecord read(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        Map<Integer, Integer> ports = new LinkedHashMap<>();
        Map<Integer, ProcessRecord> processes = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            String value = properties.getProperty(key);
            if (key.startsWith(TAG)) {
                tags.put(key.substring(TAG.length()), value);
            } else if (key.startsWith(PORT)) {
                ports.put(Integer.parseInt(key.substring(PORT.length())), Integer.parseInt(value));
            } else if (key.startsWith(PROCESS)) {
                String[] fields = value.split(",");
                processes.put(Integer.parseInt(key.substring(PROCESS.length())), new ProcessRecord(fields[0],
                        Long.parseLong(fields[1]), Long.parseLong(fields[2]), Boolean.parseBoolean(fields[3])));
            }
        }
        String[] screen = properties.getProperty("screen", "0x0").split("x");
        return new InstanceRecord(properties.getProperty("computeId"), emptyToNull(properties.getProperty("name")),
                properties.getProperty("image"), emptyToNull(properties.getProperty("flavour")),
                Instant.parse(properties.getProperty("createdAt")), tags, Integer.parseInt(screen[0]),
                Integer.parseInt(screen[1]), InstanceRecord.Desired.valueOf(properties.getProperty("desired")),
                Integer.parseInt(properties.getProperty("display", "0")), ports, List.copyOf(processes.values()),
                properties.getProperty("fault"), user(properties.getProperty("user")));
    }

    /** Records written before instances had users of their own have none: their processes run as the portal. */
    private static InstanceUser user(String value) {
        return value == null || value.isBlank() ? null : InstanceUser.parse(value);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
