package io.vantage.cloud.local;

import io.vantage.cloud.api.Tags;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Jupyter config, runtime and data folders sit in the instance's home so nothing is shared between instances; the
 * notebooks' folder is the home too, so a desktop and a notebook show the same files. With a user per instance the
 * server never runs as root; {@code --allow-root} is only passed when an operator chose {@code isolation: none} for a
 * portal running as root, the one case where Jupyter would otherwise refuse to start.
 */
final class NotebookLauncher implements Launcher {

    private static final int ATTEMPTS = 3;

    @Override
    public List<String> programs() {
        return List.of("setsid", "setpriv", "jupyter-notebook");
    }

    @Override
    public void writeSecrets(InstancePaths paths, String secret, InstanceUser owner) {
        SecureFiles.write(paths.jupyterToken(), secret.getBytes(StandardCharsets.UTF_8), owner);
    }

    @Override
    public void launch(Launch launch) throws LaunchException, InterruptedException {
        LocalSettings settings = launch.settings();
        InstancePaths paths = launch.paths();
        Path home = paths.home().toAbsolutePath();
        // Jupyter makes these itself, as the instance's user: the portal never writes into a user's home
        Map<String, String> environment = Map.of(
                "JUPYTER_TOKEN_FILE", paths.jupyterToken().toAbsolutePath().toString(),
                "JUPYTER_CONFIG_DIR", home.resolve(".jupyter").toString(),
                "JUPYTER_DATA_DIR", home.resolve(".local/share/jupyter").toString(),
                "JUPYTER_RUNTIME_DIR", home.resolve(".local/share/jupyter/runtime").toString());
        String failure = "no attempt";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = PortAllocator.freePort(settings.bindAddress());
            List<String> command = new ArrayList<>(List.of(launch.executable("jupyter-notebook"), "--no-browser"));
            if (launch.record().user() == null && LocalPackages.runningAsRoot()) {
                command.add("--allow-root");
            }
            command.addAll(List.of(
                    "--ip=" + settings.bindAddress(), "--port=" + port, "--port-retries=0",
                    "--notebook-dir=" + home,
                    "--NotebookApp.base_url=" + baseUrl(settings, launch.record()),
                    "--NotebookApp.allow_origin=" + settings.jupyterAllowOrigin(),
                    "--NotebookApp.allow_remote_access=True",
                    "--NotebookApp.trust_xheaders=True",
                    // the server must outlive the browser tab: its lifecycle belongs to the portal
                    "--NotebookApp.quit_button=False"));
            ProcessRecord notebook = launch.start("jupyter", true, command, environment);
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
