package io.vantage.cloud.slurm;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Settings of one Slurm provider. Every field may be left out (null) except {@code url}, {@code userName}, a token,
 * {@code images} and {@code flavours}; the compact constructor fills in the documented defaults.
 *
 * @param url                 slurmrestd's base URL, e.g. {@code http://slurm-rest.facility.eu:6820}
 * @param apiVersion          OpenAPI plugin version in the paths ({@code v0.0.38}, Slurm 22.05); newer ones
 *                            ({@code v0.0.40}, {@code v0.0.41}...) change some shapes, handled by {@link ApiDialect}
 * @param userName            the user the token belongs to ({@code X-SLURM-USER-NAME})
 * @param token               a JWT from {@code scontrol token} or the site's issuer; never printed
 * @param tokenFile           file holding the JWT instead, re-read when it changes (tokens expire: rotate it with cron)
 * @param jobUser             user the jobs run as: {@code {owner}} (the default) for the instance owner's id, which
 *                            must be their Unix login, so no person's code runs under another's account; or one fixed
 *                            name for everybody, which the provider warns about ({@link SlurmProvider#warnings()}).
 *                            Another user than {@code userName} needs a token of SlurmUser or root
 * @param account             account charged when the account does not come from a proposal; null: Slurm's default
 * @param accountFromProposal charge the first proposal of the instance's experiments (through {@code accountPattern})
 * @param accountPattern      account name made from a proposal id, {@code {proposal}} by default
 * @param partition           partition of flavours that name none; null: the cluster's default partition
 * @param qos                 QoS of flavours that name none; null: the account's default
 * @param timeLimit           time limit of a new job when its flavour sets none; null: the partition's default. The
 *                            portal then moves it to the instance's lifetime ({@code TimeLimits})
 * @param workDir             absolute working directory of the jobs on the nodes; Slurm's output file goes there
 *                            ({@code /tmp}); the job keeps its own files under {@code $HOME/.vantage/jobs/<job id>}
 * @param bindAddress         address the desktop and notebook listen on, on the node ({@code 0.0.0.0})
 * @param vncPort             well-known VNC port the portal asks for ({@code 5901})
 * @param jupyterPort         well-known Jupyter port the portal asks for ({@code 8888})
 * @param jupyterBaseUrl      notebook base URL, {@code {uid}} = instance uid ({@code /instances/{uid}/jupyter/})
 * @param startTimeout        how long a job waits for its servers to listen before it fails ({@code 2m})
 * @param maxInstances        live jobs this deployment may have; null means no limit of its own
 * @param environment         extra environment of every job, e.g. {@code PATH} ({@code /usr/local/bin:/usr/bin:/bin})
 * @param images              what the portal may launch, by image id
 * @param flavours            sizes, by flavour id: partition, QoS, CPUs, memory, GPUs ({@code gres})
 */
public record SlurmSettings(String url, String apiVersion, String userName, String token, String tokenFile,
                            String jobUser, String account, Boolean accountFromProposal, String accountPattern,
                            String partition, String qos, Duration timeLimit, String workDir, String bindAddress,
                            Integer vncPort, Integer jupyterPort, String jupyterBaseUrl, Duration startTimeout,
                            Integer maxInstances, Map<String, String> environment, Map<String, Image> images,
                            Map<String, Flavour> flavours) {

    public static final String DEFAULT_API_VERSION = "v0.0.38";
    public static final String DEFAULT_BASE_URL = "/instances/{uid}/jupyter/";
    /** In {@code job-user}: the instance owner's id. */
    public static final String OWNER = "{owner}";
    static final String DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin";

    public SlurmSettings {
        url = blank(url) ? null : url.trim().replaceAll("/+$", "");
        apiVersion = blank(apiVersion) ? DEFAULT_API_VERSION : apiVersion.trim();
        jobUser = blank(jobUser) ? OWNER : jobUser.trim();
        accountFromProposal = accountFromProposal != null && accountFromProposal;
        accountPattern = blank(accountPattern) ? "{proposal}" : accountPattern;
        workDir = blank(workDir) ? "/tmp" : workDir;
        bindAddress = blank(bindAddress) ? "0.0.0.0" : bindAddress.trim();
        vncPort = vncPort == null ? 5901 : vncPort;
        jupyterPort = jupyterPort == null ? 8888 : jupyterPort;
        jupyterBaseUrl = blank(jupyterBaseUrl) ? DEFAULT_BASE_URL : jupyterBaseUrl;
        startTimeout = startTimeout == null ? Duration.ofMinutes(2) : startTimeout;
        environment = environment == null ? Map.of() : Map.copyOf(environment);
        images = images == null ? Map.of() : Map.copyOf(images);
        flavours = flavours == null ? Map.of() : Map.copyOf(flavours);
    }

    /**
     * A desktop or a notebook, as the job script starts it.
     *
     * @param kind        {@code desktop} (Xvfb, openbox, xterm, x11vnc) or {@code notebook} (classic Jupyter Notebook)
     * @param setup       shell lines run first on the node, e.g. {@code module load jupyter}
     * @param environment extra environment of this image's jobs
     * @param notebookDir the notebook's root folder on the node ({@code $HOME})
     */
    public record Image(String name, String kind, String setup, Map<String, String> environment, String notebookDir) {

        public Image {
            kind = blank(kind) ? null : kind.trim().toLowerCase(Locale.ROOT);
            environment = environment == null ? Map.of() : Map.copyOf(environment);
            notebookDir = blank(notebookDir) ? "$HOME" : notebookDir;
        }
    }

    /**
     * A size: where the job queues and what it asks for.
     *
     * @param gres      generic resources per node, e.g. {@code gpu:1} or {@code gpu:a100:2}
     * @param gpus      GPUs shown in the catalogue; null: counted from {@code gres}
     * @param timeLimit this flavour's job time limit; null: the provider's
     */
    public record Flavour(String name, String partition, String qos, Integer cpus, Integer memoryMib, String gres,
                          Integer gpus, Duration timeLimit, String constraints, String reservation) {
    }

    /** Whether every person's jobs run under one account, where one person's code can read another's secrets. */
    boolean sharedJobUser() {
        return !jobUser.contains(OWNER);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "SlurmSettings[url=" + url + ", apiVersion=" + apiVersion + ", userName=" + userName + ", token="
                + (blank(token) ? "<none>" : "****") + ", tokenFile=" + tokenFile + ", jobUser=" + jobUser
                + ", account=" + account + ", accountFromProposal=" + accountFromProposal + ", partition=" + partition
                + ", qos=" + qos + ", timeLimit=" + timeLimit + ", workDir=" + workDir + ", bindAddress=" + bindAddress
                + ", images=" + images.keySet() + ", flavours=" + flavours.keySet() + "]";
    }
}
