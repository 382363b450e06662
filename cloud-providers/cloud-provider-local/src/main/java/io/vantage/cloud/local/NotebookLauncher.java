package io.vantage.cloud.local;

import io.vantage.cloud.api.Tags;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A classic Jupyter Notebook (6.4) server on a free port, under the base URL the portal proxies.
 * <p>
 * The token comes from {@code JUPYTER_TOKEN_FILE} (sets {@code NotebookApp.token}) instead of
 * {@code --NotebookApp.token=…}, which would show the secret to every local user in {@code ps}.
 * {@code allow_remote_access} is on because the portal's proxy forwards the browser's Host header, which the
 * notebook's DNS-rebinding guard would reject; the token still guards every request. XSRF protection stays on:
 * the proxy keeps paths and cookies under the base URL, so the notebook's {@code _xsrf} cookie works through it.
 * Jupyter config, runtime and data folders sit in the instance folder so nothing is shared between instances.
 */
final class NotebookLauncher implements Launcher {

    private static final int ATTEMPTS = 3;

    @Override
    public List<String> programs() {
        return List.of("setsid", "jupyter-notebook");
    }

    @Override
    public void writeSecrets(InstancePaths paths, String secret) {
        SecureFiles.write(paths.jupyterToken(), secret.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void launch(Launch launch) throws LaunchException, InterruptedException {
        LocalSettings settings = launch.settings();
        InstancePaths paths = launch.paths();
        SecureFiles.directory(paths.notebooks());
        SecureFiles.directory(paths.jupyter());
        Map<String, String> environment = Map.of(
                "JUPYTER_TOKEN_FILE", paths.jupyterToken().toAbsolutePath().toString(),
                "JUPYTER_CONFIG_DIR", paths.jupyter().resolve("config").toAbsolutePath().toString(),
                "JUPYTER_RUNTIME_DIR", paths.jupyter().resolve("runtime").toAbsolutePath().toString(),
                "JUPYTER_DATA_DIR", paths.jupyter().resolve("data").toAbsolutePath().toString());
        String failure = "no attempt";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = PortAllocator.freePort(settings.bindAddress());
            ProcessRecord notebook = launch.start("jupyter", true, List.of(launch.executable("jupyter-notebook"),
                    "--no-browser", "--allow-root",
                    "--ip=" + settings.bindAddress(), "--port=" + port, "--port-retries=0",
                    "--notebook-dir=" + paths.notebooks().toAbsolutePath(),
                    "--NotebookApp.base_url=" + baseUrl(settings, launch.record()),
                    "--NotebookApp.allow_origin=" + settings.jupyterAllowOrigin(),
                    "--NotebookApp.allow_remote_access=True",
                    "--NotebookApp.trust_xheaders=True",
                    // the server must outlive the browser tab: its lifecycle belongs to the portal
                    "--NotebookApp.quit_button=False"), environment);
            if (launch.awaitReady(notebook, () -> launch.logContains("jupyter", "is running at")
                    && launch.accepts(port))) {
                launch.port(settings.jupyterPort(), port);
                return;
            }
            failure = "jupyter-notebook could not serve port " + port + ": " + launch.logTail("jupyter");
            launch.discard(notebook);
            if (!launch.logContains("jupyter", "already in use")) {
                break;
            }
        }
        throw new LaunchException(failure);
    }

    /** The settings pattern with {@code {uid}} filled in, always with leading and trailing slash. */
    static String baseUrl(LocalSettings settings, InstanceRecord record) {
        String uid = record.tags().getOrDefault(Tags.INSTANCE, record.computeId());
        String url = settings.jupyterBaseUrl()
                .replace("{uid}", URLEncoder.encode(uid, StandardCharsets.UTF_8).replace("+", "%20"));
        url = url.startsWith("/") ? url : "/" + url;
        return url.endsWith("/") ? url : url + "/";
    }
}
