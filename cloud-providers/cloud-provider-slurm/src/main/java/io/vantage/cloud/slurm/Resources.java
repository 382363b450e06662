package io.vantage.cloud.slurm;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Slurm's resource strings: generic resources ({@code gpu:a100:2(S:0-1)}) and TRES ({@code cpu=2,mem=4G}). */
final class Resources {

    /** One gres entry: name, optional type, count, optional socket binding. */
    private static final Pattern GRES = Pattern.compile("gpu(?::[^:,(]+)?:(\\d+)(?:\\([^)]*\\))?");

    /** What a job asked for. */
    record Request(int cpus, int memoryMib, int gpus) {
    }

    private Resources() {
    }

    /** GPUs in a gres string such as {@code gpu:2} or {@code gpu:a100:2(S:0-1),gpu:v100:1}; 0 when none. */
    static int gpus(String gres) {
        if (gres == null || gres.isBlank() || "(null)".equals(gres)) {
            return 0;
        }
        int total = 0;
        for (String entry : gres.replace("gres/", "").split(",(?![^(]*\\))")) {
            Matcher matcher = GRES.matcher(entry.trim());
            if (matcher.matches()) {
                total += Integer.parseInt(matcher.group(1));
            } else if (entry.trim().matches("gpu(:[^:,(]+)?")) {
                total += 1; // "gpu" alone asks for one
            }
        }
        return total;
    }

    /** A job's {@code tres_req_str}: {@code cpu=2,mem=4G,node=1,billing=2,gres/gpu=1}. */
    static Request tres(String tres) {
        int cpus = 0;
        int memory = 0;
        int gpus = 0;
        if (tres != null) {
            for (String pair : tres.split(",")) {
                String[] parts = pair.split("=", 2);
                if (parts.length != 2) {
                    continue;
                }
                switch (parts[0].trim()) {
                    case "cpu" -> cpus = parseInt(parts[1]);
                    case "mem" -> memory = mebibytes(parts[1]);
                    case "gres/gpu" -> gpus = parseInt(parts[1]);
                    default -> {
                    }
                }
            }
        }
        return new Request(cpus, memory, gpus);
    }

    /** {@code 4G}, {@code 256M}, {@code 1T}, or a bare number of MiB. */
    static int mebibytes(String value) {
        String v = value.trim();
        if (v.isEmpty()) {
            return 0;
        }
        char unit = Character.toUpperCase(v.charAt(v.length() - 1));
        double number;
        try {
            number = Double.parseDouble(Character.isDigit(unit) ? v : v.substring(0, v.length() - 1));
        } catch (NumberFormatException e) {
            return 0;
        }
        double mib = switch (unit) {
            case 'K' -> number / 1024;
            case 'G' -> number * 1024;
            case 'T' -> number * 1024 * 1024;
            default -> number;
        };
        return (int) Math.round(mib);
    }

    private static int parseInt(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
