package io.vantage.domain.data;

/** Folder names under {@code ~/data}: what the SPI accepts ({@code [A-Za-z0-9_][A-Za-z0-9._-]{0,99}}). */
final class Targets {

    private static final int MAX = 100;

    private Targets() {
    }

    static String of(String id) {
        String cleaned = id.replaceAll("[^A-Za-z0-9._-]", "_");
        if (cleaned.isEmpty() || cleaned.charAt(0) == '.' || cleaned.charAt(0) == '-') {
            cleaned = "_" + cleaned;
        }
        return cleaned.length() > MAX ? cleaned.substring(0, MAX) : cleaned;
    }

    static String processed(String proposalId) {
        return cut(of(proposalId), "-processed".length()) + "-processed";
    }

    /** {@code dataset-} and the PID's last part ({@code 20.500.12269/abc} → {@code dataset-abc}). */
    static String dataset(String pid) {
        String last = pid.substring(pid.lastIndexOf('/') + 1);
        return "dataset-" + cut(of(last.isEmpty() ? pid : last), "dataset-".length());
    }

    static String suffixed(String target, int n) {
        String suffix = "-" + n;
        return cut(target, suffix.length()) + suffix;
    }

    private static String cut(String name, int room) {
        return name.length() > MAX - room ? name.substring(0, MAX - room) : name;
    }
}
