package io.vantage.cloud.local;

import java.time.Duration;

/**
 * Settings of the local provider. Every field may be left out (null): the compact constructor fills the default, so
 * configuration and database JSON only name what they change.
 *
 * @param workDir            where instance state, secrets, logs and home folders live ({@code ./.vantage/local})
 * @param bindAddress        IPv4 address the desktops and notebooks listen on ({@code 127.0.0.1})
 * @param vncPort            the well-known VNC port the portal asks {@code Network.endpoint} for ({@code 5901})
 * @param jupyterPort        the well-known Jupyter port the portal asks {@code Network.endpoint} for ({@code 8888})
 * @param jupyterBaseUrl     notebook base URL; {@code {uid}} becomes the instance uid
 *                           ({@code /instances/{uid}/jupyter/}), so the portal's proxy can forward paths unchanged
 * @param jupyterAllowOrigin value of {@code NotebookApp.allow_origin} ({@code *}): the browser talks to the notebook
 *                           through the portal, whose origin the notebook cannot know
 * @param firstDisplay       first X display number tried for desktops ({@code 100}), away from real sessions
 * @param startTimeout       how long a launch may take until its port answers ({@code 30s})
 * @param stopGrace          time between SIGTERM and SIGKILL when stopping ({@code 5s})
 * @param maxInstances       instances this deployment may run at once; null means no limit
 * @param executablePath     where Xvnc, openbox, jupyter-notebook… are looked up and the PATH of the processes;
 *                           null means the portal's own {@code PATH}
 * @param isolation          {@code users}: each instance runs as a Unix user of its own (needs root);
 *                           {@code none}: every instance runs as the portal's user; null picks users when the
 *                           portal is root, none otherwise (with a warning in the log)
 */
public record LocalSettings(String workDir, String bindAddress, Integer vncPort, Integer jupyterPort,
                            String jupyterBaseUrl, String jupyterAllowOrigin, Integer firstDisplay,
                            Duration startTimeout, Duration stopGrace, Integer maxInstances, String executablePath,
                            String isolation) {

    public static final String DEFAULT_WORK_DIR = "./.vantage/local";
    public static final String DEFAULT_BASE_URL = "/instances/{uid}/jupyter/";
    private static final String FALLBACK_PATH = "/usr/local/bin:/usr/bin:/bin";

    public LocalSettings {
        workDir = workDir == null || workDir.isBlank() ? DEFAULT_WORK_DIR : workDir;
        bindAddress = bindAddress == null || bindAddress.isBlank() ? "127.0.0.1" : bindAddress.trim();
        vncPort = vncPort == null ? 5901 : vncPort;
        jupyterPort = jupyterPort == null ? 8888 : jupyterPort;
        jupyterBaseUrl = jupyterBaseUrl == null || jupyterBaseUrl.isBlank() ? DEFAULT_BASE_URL : jupyterBaseUrl;
        jupyterAllowOrigin = jupyterAllowOrigin == null ? "*" : jupyterAllowOrigin;
        firstDisplay = firstDisplay == null ? 100 : firstDisplay;
        startTimeout = startTimeout == null ? Duration.ofSeconds(30) : startTimeout;
        stopGrace = stopGrace == null ? Duration.ofSeconds(5) : stopGrace;
        if (executablePath == null) {
            String path = System.getenv("PATH");
            executablePath = path == null || path.isBlank() ? FALLBACK_PATH : path;
        }
        isolation = isolation == null || isolation.isBlank() ? null : isolation.trim();
    }

    /** All defaults. */
    public static LocalSettings defaults() {
        return new LocalSettings(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public LocalSettings withWorkDir(String newWorkDir) {
        return new LocalSettings(newWorkDir, bindAddress, vncPort, jupyterPort, jupyterBaseUrl, jupyterAllowOrigin,
                firstDisplay, startTimeout, stopGrace, maxInstances, executablePath, isolation);
    }

    public LocalSettings withExecutablePath(String newExecutablePath) {
        return new LocalSettings(workDir, bindAddress, vncPort, jupyterPort, jupyterBaseUrl, jupyterAllowOrigin,
                firstDisplay, startTimeout, stopGrace, maxInstances, newExecutablePath, isolation);
    }

    public LocalSettings withStopGrace(Duration newStopGrace) {
        return new LocalSettings(workDir, bindAddress, vncPort, jupyterPort, jupyterBaseUrl, jupyterAllowOrigin,
                firstDisplay, startTimeout, newStopGrace, maxInstances, executablePath, isolation);
    }

    public LocalSettings withMaxInstances(Integer newMaxInstances) {
        return new LocalSettings(workDir, bindAddress, vncPort, jupyterPort, jupyterBaseUrl, jupyterAllowOrigin,
                firstDisplay, startTimeout, stopGrace, newMaxInstances, executablePath, isolation);
    }

    public LocalSettings withIsolation(String newIsolation) {
        return new LocalSettings(workDir, bindAddress, vncPort, jupyterPort, jupyterBaseUrl, jupyterAllowOrigin,
                firstDisplay, startTimeout, stopGrace, maxInstances, executablePath, newIsolation);
    }

    /** The address the portal connects to: a wildcard bind is reached over loopback. */
    String connectHost() {
        return "0.0.0.0".equals(bindAddress) ? "127.0.0.1" : bindAddress;
    }
}
