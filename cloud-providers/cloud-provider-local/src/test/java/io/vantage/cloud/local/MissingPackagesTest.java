package io.vantage.cloud.local;

import io.vantage.cloud.api.CloudImage;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.ProviderHealth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A machine without the packages, played by an executable path that holds nothing. */
class MissingPackagesTest extends LocalProviderTestSupport {

    @TempDir
    Path emptyBin;

    @Test
    void creatingADesktopNamesThePackagesAndTheCommand() {
        CloudProvider provider = provider(DEPLOYMENT, settings().withExecutablePath(emptyBin.toString()));

        assertThatThrownBy(() -> provider.compute().create(request("desktop", "uid-1", newSecret())))
                .isInstanceOf(CloudPermanentException.class)
                .hasMessageContaining("tigervnc-standalone-server, openbox, xterm")
                .hasMessageContaining(
                        "apt-get install -y --no-install-recommends util-linux tigervnc-standalone-server openbox xterm");
        assertThat(provider.compute().list()).isEmpty();
    }

    @Test
    void creatingANotebookNamesJupyter() {
        CloudProvider provider = provider(DEPLOYMENT, settings().withExecutablePath(emptyBin.toString()));

        assertThatThrownBy(() -> provider.compute().create(request("notebook", "uid-2", newSecret())))
                .isInstanceOf(CloudPermanentException.class)
                .hasMessageContaining("apt-get install -y --no-install-recommends util-linux jupyter-notebook "
                        + "python3-ipykernel");
    }

    @Test
    void packagesCatalogueAndHealthReportWhatIsMissing() {
        LocalSettings settings = settings().withExecutablePath(emptyBin.toString());
        CloudProvider provider = provider(DEPLOYMENT, settings);

        java.util.List<String> missing = LocalPackages.of(settings).missing();
        assertThat(missing).startsWith("util-linux", "tigervnc-standalone-server", "openbox", "xterm",
                "jupyter-notebook", "python3-ipykernel");
        // then the notebooks' Python for data (h5py...), found by Debian's module folders whatever the search path
        assertThat(missing.subList(6, missing.size())).allMatch(name -> name.startsWith("python3-")
                && !java.nio.file.Files.isDirectory(java.nio.file.Path.of("/usr/lib/python3/dist-packages",
                name.substring("python3-".length()))));
        assertThat(provider.catalogue().images()).extracting(CloudImage::status).containsOnly("UNAVAILABLE");
        assertThat(provider.catalogue().image("desktop").orElseThrow().properties())
                .containsEntry("missing-packages", "util-linux tigervnc-standalone-server openbox xterm");
        ProviderHealth health = provider.checkHealth();
        assertThat(health.up()).isTrue();
        assertThat(health.message()).contains("missing Debian packages").contains("tigervnc-standalone-server")
                .contains("apt-get install -y --no-install-recommends");
    }

    @Test
    void onThisMachineNothingIsMissingSoInstallingDoesNothing() {
        LocalPackages packages = LocalPackages.of(settings());

        assertThat(packages.missing()).isEmpty();
        assertThat(packages.installIfPossible()).isEmpty();
        assertThat(provider().catalogue().images()).extracting(CloudImage::status).containsOnly("ACTIVE");
    }
}
