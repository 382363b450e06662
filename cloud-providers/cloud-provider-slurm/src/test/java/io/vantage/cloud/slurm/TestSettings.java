package io.vantage.cloud.slurm;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Settings for tests, changed one field at a time. */
final class TestSettings {

    String url = "http://127.0.0.1:1";
    String apiVersion;
    String userName = "vantage-jobs";
    String token;
    String tokenFile;
    String jobUser;
    String account;
    Boolean accountFromProposal;
    String accountPattern;
    String partition;
    Duration timeLimit;
    String workDir;
    String bindAddress = "127.0.0.1";
    Integer maxInstances;
    Map<String, SlurmSettings.Image> images = new LinkedHashMap<>(Map.of(
            "desktop", new SlurmSettings.Image("Desktop", "desktop", null, null, null),
            "notebook", new SlurmSettings.Image("Notebook", "notebook", null, null, null)));
    Map<String, SlurmSettings.Flavour> flavours = new LinkedHashMap<>(Map.of(
            "small", flavour(1, 512, null)));

    static TestSettings against(SlurmCluster cluster) {
        TestSettings settings = new TestSettings();
        settings.url = cluster.url();
        settings.userName = cluster.user();
        settings.jobUser = cluster.user(); // the test cluster's token may submit as its own user only
        settings.tokenFile = cluster.tokenFile();
        settings.workDir = cluster.workDir();
        settings.flavours.put("whole", flavour(cluster.cpus(), 1024, null));
        return settings;
    }

    static SlurmSettings.Flavour flavour(int cpus, int memoryMib, String partition) {
        return new SlurmSettings.Flavour(null, partition, null, cpus, memoryMib, null, null, null, null, null);
    }

    SlurmSettings build() {
        return new SlurmSettings(url, apiVersion, userName, token, tokenFile, jobUser, account, accountFromProposal,
                accountPattern, partition, null, timeLimit, workDir, bindAddress, null, null, null,
                Duration.ofSeconds(60), maxInstances, null, images, flavours);
    }
}
