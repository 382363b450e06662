import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * helm lint --strict and helm template through helm-java (the Helm library itself, no helm binary needed).
 * Helm validates the values against values.schema.json in both. The defaults alone must be refused (the image
 * repository is required: the project publishes no image); each values file renders to OUT_DIR/NAME.yaml.
 * helm-java's template leaves hook resources out (like helm install --dry-run), so templates are rendered from a
 * copy of the chart whose hook annotations carry another name, restored in the output: the migration Job and its
 * ConfigMap and Secret are then validated like everything else.
 * Usage: java -cp ... HelmCheck.java CHART_DIR OUT_DIR VALUES_FILE ...
 */
public class HelmCheck {
  static final String HOOK = "helm.sh/hook";
  static final String HIDDEN_HOOK = "vantage-check.invalid/hook";

  public static void main(String[] args) throws Exception {
    Path source = Path.of(args[0]);
    Path out = Files.createDirectories(Path.of(args[1]));
    Path chart = copyWithHiddenHooks(source, out.resolve("chart"));
    System.out.println("Helm " + Helm.version().call());

    LintResult lint = new Helm(source).lint().strict().call();
    lint.getMessages().forEach(m -> System.out.println("  lint: " + m));
    if (lint.isFailed()) {
      throw new IllegalStateException("helm lint --strict failed");
    }
    System.out.println("  helm lint --strict: OK");

    String refusal = null;
    try {
      template(chart).call();
    } catch (RuntimeException e) {
      refusal = String.valueOf(e.getMessage());
    }
    if (refusal == null || !refusal.contains("portal.image.repository is required")) {
      throw new IllegalStateException("helm template with the defaults alone must be refused for want of "
          + "portal.image.repository, but " + (refusal == null ? "it rendered" : "it failed with: " + refusal));
    }
    System.out.println("  helm template (defaults alone): refused, portal.image.repository is required");

    List<Path> valueFiles = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      valueFiles.add(Path.of(args[i]));
    }
    for (Path values : valueFiles) {
      String name = values.getFileName().toString().replaceFirst("\\.ya?ml$", "");
      String rendered = template(chart).withValuesFile(values).call().replace(HIDDEN_HOOK, HOOK);
      Files.writeString(out.resolve(name + ".yaml"), rendered);
      System.out.println("  helm template (" + name + "): " + rendered.split("\n---").length + " documents");
    }
  }

  private static Path copyWithHiddenHooks(Path source, Path target) throws Exception {
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
  }

  private static com.marcnuri.helm.TemplateCommand template(Path chart) {
    return new Helm(chart).template().withName("vantage").withNamespace("vantage").withKubeVersion("1.30.0");
  }
}
