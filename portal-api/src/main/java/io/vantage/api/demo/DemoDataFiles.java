package io.vantage.api.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.domain.data.DataFolder;
import io.vantage.domain.data.DataLocations;
import io.vantage.domain.proposal.Experiment;
import io.vantage.domain.proposal.ExperimentRepository;

/**
 * The demo's experiment data: a data store {@code demo} for the local cloud, and in each demo experiment's raw folder
 * a NeXus/HDF5 file with a few detector frames (committed fixtures, made by {@code demo/data/make-samples.py}), a CSV
 * of the reduced curve and a README, so a newcomer's notebook has real data to read and plot. Folders above the
 * data are {@code rwx--x--x}: instance users pass through to the folders their groups open, and list nothing else.
 */
@Component
class DemoDataFiles {

    private static final Logger log = LoggerFactory.getLogger(DemoDataFiles.class);
    static final String STORE = "demo";
    private static final String TRAVERSABLE = "rwx--x--x";

    private final DemoDataRepository repository;
    private final TransactionTemplate tx;
    private final ExperimentRepository experiments;
    private final DataLocations locations;
    private final DemoDataRoot root;

    DemoDataFiles(DemoDataRepository repository, TransactionTemplate tx, ExperimentRepository experiments,
                  DataLocations locations, DemoDataRoot root) {
        this.repository = repository;
        this.tx = tx;
        this.experiments = experiments;
        this.locations = locations;
        this.root = root;
    }

    /** Once, with the demo facility: the store that names the demo's data folders. */
    void register() {
        Path folder = root.resolve();
        repository.addLocalStore(STORE, folder.toString());
    }

    /** At every start of the demo: writes the sample files that are missing (a deleted data folder comes back). */
    void ensure() {
        List<String> stores = repository.enabledStoreRoots(STORE);
        Long local = repository.localProviderId().orElse(null);
        if (stores.isEmpty() || local == null) {
            return;
        }
        Path dataRoot = Path.of(stores.get(0));
        directory(dataRoot, TRAVERSABLE);
        List<DataFolder> folders = tx.execute(status -> locations.plan(experiments.findAllWithInstrument(
                List.of("EXP-1", "EXP-2", "EXP-3", "EXP-4", "EXP-5")), local, List.of()).folders());
        int written = 0;
        for (DataFolder folder : folders) {
            if (folder.kind() == DataFolder.Kind.RAW && folder.store().getName().equals(STORE)) {
                written += write(dataRoot, Path.of(folder.path()), folder.experimentId());
            }
        }
        if (written > 0) {
            log.info("Demo data: {} sample files under {} (each experiment's folder is opened to the instances of "
                    + "people on it when they launch)", written, dataRoot);
        }
    }

    private int write(Path dataRoot, Path folder, String experimentId) {
        for (Path step = folder.getParent(); step != null && step.startsWith(dataRoot); step = step.getParent()) {
            directory(step, TRAVERSABLE);
        }
        directory(folder, "rwxr-x---");
        int written = 0;
        written += copy("demo/data/" + experimentId + ".nxs", folder.resolve(experimentId + ".nxs"));
        written += text(folder.resolve(experimentId + "_reduced.csv"), curve(experimentId));
        written += text(folder.resolve("README.md"), readme(experimentId));
        return written;
    }

    /** A small-angle curve I(q) = A / (1 + (q xi)^2) + background, different per experiment. */
    static String curve(String experimentId) {
        int n = Math.floorMod(experimentId.hashCode(), 5) + 1;
        StringBuilder csv = new StringBuilder("q_per_angstrom,intensity,error\n");
        for (int i = 0; i < 40; i++) {
            double q = 0.005 + i * 0.005;
            double intensity = 100.0 * n / (1 + Math.pow(q * 40 * n, 2)) + 0.5;
            csv.append(String.format(Locale.ROOT, "%.4f,%.5f,%.5f%n", q, intensity, Math.sqrt(intensity) / 10));
        }
        return csv.toString();
    }

    private static String readme(String experimentId) {
        return "# Sample data of " + experimentId + "\n\n"
                + "Demo data of the Vantage portal, not a real measurement.\n\n"
                + "- `" + experimentId + ".nxs`: NeXus (HDF5). Detector frames in `/entry/data/frames` (3 x 20 x 20),\n"
                + "  counts per frame in `/entry/data/total_counts`, instrument and sample under `/entry`.\n"
                + "- `" + experimentId + "_reduced.csv`: the reduced curve, columns q (1/A), intensity, error.\n\n"
                + "In a notebook:\n\n```python\nimport h5py\nwith h5py.File('" + experimentId + ".nxs') as f:\n"
                + "    frames = f['entry/data/frames'][()]\n```\n\n"
                + "This folder is read-only. Write results to `~/data/<proposal>-processed/`, which your proposal's "
                + "team shares.\n";
    }

    private static int copy(String resource, Path target) {
        if (Files.exists(target)) {
            return 0;
        }
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            Files.copy(in, target);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
            return 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int text(Path target, String content) {
        if (Files.exists(target)) {
            return 0;
        }
        try {
            Files.writeString(target, content, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
            return 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void directory(Path folder, String permissions) {
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString(permissions));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
