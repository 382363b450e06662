package io.vantage.web.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

/**
 * {@code helm template} of helm/vantage through helm-java (Helm's own library, no helm binary), as release
 * {@code vantage} in namespace {@code vantage}. helm-java leaves hook resources out of its output (as
 * {@code helm install --dry-run} does), so the chart is rendered from a copy whose hook annotations carry another
 * name, restored in the rendered text: the migration Job is then checked like everything else.
 */
final class ChartRenderer {

    static final String HOOK = "helm.sh/hook";
    private static final String HIDDEN_HOOK = "vantage-check.invalid/hook";
    private static Path chart;

    private ChartRenderer() {
    }

    static RenderedChart render(Path... valuesFiles) {
        TemplateCommand template = new Helm(chart()).template().withName("vantage").withNamespace("vantage")
                .withKubeVersion("1.30.0");
        for (Path values : valuesFiles) {
            template = template.withValuesFile(values);
        }
        return RenderedChart.parse(template.call().replace(HIDDEN_HOOK, HOOK));
    }

    /** Values given as YAML text, e.g. a documented example. */
    static RenderedChart render(String... valuesYaml) {
        return render(Stream.of(valuesYaml).map(ChartRenderer::write).toArray(Path[]::new));
    }

    /** The message Helm refuses these values with, or an AssertionError when it renders them. */
    static String refusal(String... valuesYaml) {
        try {
            render(valuesYaml);
        } catch (RuntimeException e) {
            return String.valueOf(e.getMessage());
        }
        throw new AssertionError("Helm rendered values it should refuse: " + List.of(valuesYaml));
    }

    static Path write(String yaml) {
        try {
            Path file = Files.createTempFile("vantage-values", ".yaml");
            file.toFile().deleteOnExit();
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized Path chart() {
        if (chart == null) {
            chart = copyWithHiddenHooks(Repository.path("helm/vantage"));
        }
        return chart;
    }

    private static Path copyWithHiddenHooks(Path source) {
        try {
            Path target = Files.createTempDirectory("vantage-chart").resolve("vantage");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.writeString(copy, Files.readString(file).replace(HOOK, HIDDEN_HOOK));
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
