package io.vantage.bench.plugin;

import java.time.Duration;

/**
 * Settings of the benchmark's slow-booting cloud.
 *
 * @param bootTime how long after its create a machine is still BUILDING ({@code 60s})
 * @param workDir  the folder of the local provider underneath (instances, logs, secrets)
 */
public record SlowBootSettings(Duration bootTime, String workDir) {

    public SlowBootSettings {
        bootTime = bootTime == null ? Duration.ofSeconds(60) : bootTime;
    }
}
