package io.vantage.cloud.slurm;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The checks of the catalogue settings, each problem naming its setting. */
final class SettingsCheck {

    /** Values that end up in a Slurm job option: no separators or spaces Slurm would read differently. */
    private static final Pattern SLURM_WORD = Pattern.compile("[A-Za-z0-9_.:,/+@-]+");

    private SettingsCheck() {
    }

    static void images(SlurmSettings settings, List<String> problems) {
        if (settings.images().isEmpty()) {
            problems.add("setting images must offer at least one image");
        }
        settings.images().forEach((id, image) -> {
            if (image == null || !("desktop".equals(image.kind()) || "notebook".equals(image.kind()))) {
                problems.add("setting images." + id + ".kind must be desktop or notebook");
            } else {
                image.environment().keySet().stream().filter(key -> !key.matches("[A-Za-z_][A-Za-z0-9_]*"))
                        .forEach(key -> problems.add("setting images." + id + ".environment has an invalid name '" + key
                                + "'"));
            }
        });
        settings.environment().keySet().stream().filter(key -> !key.matches("[A-Za-z_][A-Za-z0-9_]*"))
                .forEach(key -> problems.add("setting environment has an invalid name '" + key + "'"));
    }

    static void flavours(SlurmSettings settings, List<String> problems) {
        if (settings.flavours().isEmpty()) {
            problems.add("setting flavours must offer at least one flavour");
        }
        for (Map.Entry<String, SlurmSettings.Flavour> entry : settings.flavours().entrySet()) {
            String at = "flavours." + entry.getKey();
            SlurmSettings.Flavour flavour = entry.getValue();
            if (flavour == null) {
                problems.add("setting " + at + " is empty");
                continue;
            }
            if (flavour.cpus() != null && flavour.cpus() < 1) {
                problems.add("setting " + at + ".cpus must be at least 1");
            }
            if (flavour.memoryMib() != null && flavour.memoryMib() < 1) {
                problems.add("setting " + at + ".memory-mib must be at least 1");
            }
            if (flavour.gpus() != null && flavour.gpus() < 0) {
                problems.add("setting " + at + ".gpus must not be negative");
            }
            if (flavour.timeLimit() != null && flavour.timeLimit().toMinutes() < 1) {
                problems.add("setting " + at + ".time-limit must be at least a minute");
            }
            word(problems, at + ".partition", flavour.partition());
            word(problems, at + ".qos", flavour.qos());
            word(problems, at + ".gres", flavour.gres());
            word(problems, at + ".reservation", flavour.reservation());
        }
        word(problems, "partition", settings.partition());
        word(problems, "qos", settings.qos());
        word(problems, "account", settings.account());
    }

    private static void word(List<String> problems, String setting, String value) {
        if (value != null && !value.isBlank() && !SLURM_WORD.matcher(value).matches()) {
            problems.add("setting " + setting + " must be a Slurm name (letters, digits, _ . : , / + @ -), was '" + value + "'");
        }
    }
}
