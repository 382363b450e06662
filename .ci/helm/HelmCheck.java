import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * helm lint --strict and helm template through helm-java (the Helm library itself, no helm binary needed).
 * Helm validates the values against values.schema.json in both. Writes each rendering to OUT_DIR/NAME.yaml.
 * Usage: java -cp ... HelmCheck.java CHART_DIR OUT_DIR [VALUES_FILE ...]   (no values file: the defaults)
 */
public class HelmCheck {
  public static void main(String[] args) throws Exception {
    Path chart = Path.of(args[0]);
    Path out = Files.createDirectories(Path.of(args[1]));
    System.out.println("Helm " + Helm.version().call());

    LintResult lint = new Helm(chart).lint().strict().call();
    lint.getMessages().forEach(m -> System.out.println("  lint: " + m));
    if (lint.isFailed()) {
      throw new IllegalStateException("helm lint --strict failed");
    }
    System.out.println("  helm lint --strict: OK");

    List<Path> valueFiles = new ArrayList<>();
    valueFiles.add(null);   // the chart's own values.yaml
    for (int i = 2; i < args.length; i++) {
      valueFiles.add(Path.of(args[i]));
    }
    for (Path values : valueFiles) {
      var template = new Helm(chart).template().withName("vantage").withNamespace("vantage")
          .withKubeVersion("1.30.0");
      String name = "default";
      if (values != null) {
        template = template.withValuesFile(values);
        name = values.getFileName().toString().replaceFirst("\\.ya?ml$", "");
      }
      String rendered = template.call();
      Files.writeString(out.resolve(name + ".yaml"), rendered);
      System.out.println("  helm template (" + name + "): " + rendered.split("\n---").length + " documents");
    }
  }
}
