package io.vantage.cloud.slurm;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.cloud.api.ProviderContext;
import io.vantage.cloud.api.SettingDescriptor;

/** Type {@code slurm}: desktops and notebooks as batch jobs of a Slurm cluster, through slurmrestd. */
public final class SlurmProviderFactory implements CloudProviderFactory<SlurmSettings> {

    public static final String TYPE = "slurm";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<SlurmSettings> settingsType() {
        return SlurmSettings.class;
    }

    @Override
    public String description() {
        return "Slurm cluster: each instance a batch job submitted through slurmrestd (JWT), its time limit kept "
                + "to the instance's lifetime";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(
                SettingDescriptor.required("url", "slurmrestd's base URL", "http://slurm-rest.facility.eu:6820"),
                SettingDescriptor.optional("api-version", "OpenAPI plugin version slurmrestd serves (v0.0.38 is "
                        + "Slurm 22.05, v0.0.40 is 23.11)", SlurmSettings.DEFAULT_API_VERSION),
                SettingDescriptor.required("user-name", "User the token belongs to (X-SLURM-USER-NAME)", "vantage"),
                SettingDescriptor.secret("token", "JWT for user-name (scontrol token); or set token-file", false),
                SettingDescriptor.optional("token-file", "File holding the JWT, re-read when it changes",
                        "/run/secrets/slurm-jwt"),
                SettingDescriptor.optional("job-user", "User the jobs run as: {owner} (the default) is the instance "
                        + "owner's own Unix account, which needs a SlurmUser or root token; one fixed name makes all "
                        + "people share an account that can read each other's secrets", SlurmSettings.OWNER),
                SettingDescriptor.optional("account", "Account charged for the jobs", "vantage"),
                SettingDescriptor.optional("account-from-proposal", "Charge the proposal of the instance's "
                        + "experiment instead (through account-pattern)", "true"),
                SettingDescriptor.optional("account-pattern", "Account made from a proposal id", "p{proposal}"),
                SettingDescriptor.optional("partition", "Partition of flavours that name none", "interactive"),
                SettingDescriptor.optional("qos", "QoS of flavours that name none", "interactive"),
                SettingDescriptor.optional("time-limit", "Time limit of new jobs; the portal then sets the "
                        + "instance's lifetime", "14d"),
                SettingDescriptor.optional("work-dir", "Absolute working directory of the jobs (Slurm's output "
                        + "file goes there)", "/tmp"),
                SettingDescriptor.optional("bind-address", "Address the servers listen on, on the node", "0.0.0.0"),
                SettingDescriptor.optional("vnc-port", "Well-known VNC port of desktop images", "5901"),
                SettingDescriptor.optional("jupyter-port", "Well-known Jupyter port of notebook images", "8888"),
                SettingDescriptor.optional("jupyter-base-url", "Notebook base URL; {uid} is the instance uid",
                        SlurmSettings.DEFAULT_BASE_URL),
                SettingDescriptor.optional("start-timeout", "How long a job waits for its server to listen", "2m"),
                SettingDescriptor.optional("max-instances", "Live jobs this portal may have", "50"),
                SettingDescriptor.optional("environment", "Extra environment of every job", "PATH: /opt/bin:/usr/bin:/bin"),
                SettingDescriptor.required("images", "Images by id: name, kind (desktop or notebook), setup "
                        + "(shell lines), environment, notebook-dir", "notebook: {kind: notebook}"),
                SettingDescriptor.required("flavours", "Sizes by id: name, partition, qos, cpus, memory-mib, gres, "
                        + "gpus, time-limit, constraints, reservation", "small: {cpus: 2, memory-mib: 4096}"));
    }

    /** Checks the settings only: slurmrestd is first called when the provider is used. */
    @Override
    public CloudProvider create(String name, SlurmSettings settings, ProviderContext context) {
        List<String> problems = problems(settings);
        if (!problems.isEmpty()) {
            throw new CloudPermanentException("Slurm provider '" + name + "' is misconfigured: "
                    + String.join("; ", problems));
        }
        return new SlurmProvider(name, settings, context);
    }

    static List<String> problems(SlurmSettings settings) {
        if (settings == null) {
            return List.of("settings are missing");
        }
        List<String> problems = new ArrayList<>();
        if (settings.url() == null) {
            problems.add("setting url is required (slurmrestd's base URL)");
        } else {
            try {
                URI uri = URI.create(settings.url());
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    problems.add("setting url must be an http(s) URL, was '" + settings.url() + "'");
                }
            } catch (IllegalArgumentException e) {
                problems.add("setting url is not a URL: " + e.getMessage());
            }
        }
        try {
            ApiDialect.of(settings.apiVersion());
        } catch (IllegalArgumentException e) {
            problems.add("setting api-version " + e.getMessage());
        }
        if (SlurmSettings.blank(settings.userName())) {
            problems.add("setting user-name is required (the user the token belongs to)");
        }
        if (SlurmSettings.blank(settings.token()) == SlurmSettings.blank(settings.tokenFile())) {
            problems.add("setting token or token-file: exactly one of them must be set");
        }
        if (!settings.workDir().startsWith("/")) {
            problems.add("setting work-dir must be an absolute path, was '" + settings.workDir() + "'");
        }
        checkPort(problems, "vnc-port", settings.vncPort());
        checkPort(problems, "jupyter-port", settings.jupyterPort());
        if (!settings.jupyterBaseUrl().startsWith("/")) {
            problems.add("setting jupyter-base-url must start with /, was '" + settings.jupyterBaseUrl() + "'");
        }
        if (settings.startTimeout().isNegative() || settings.startTimeout().isZero()) {
            problems.add("setting start-timeout must be positive");
        }
        if (settings.maxInstances() != null && settings.maxInstances() < 0) {
            problems.add("setting max-instances must not be negative");
        }
        if (settings.timeLimit() != null && settings.timeLimit().toMinutes() < 1) {
            problems.add("setting time-limit must be at least a minute");
        }
        SettingsCheck.images(settings, problems);
        SettingsCheck.flavours(settings, problems);
        return problems;
    }

    private static void checkPort(List<String> problems, String setting, int port) {
        if (port < 1 || port > 65535) {
            problems.add("setting " + setting + " must be between 1 and 65535, was " + port);
        }
    }
}
