package io.vantage.web.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * What the README promises: every setting the code reads through its {@code @ConfigurationProperties} records is in
 * portal-web's {@code application.yml} with its default, or there as a commented example (maps, lists, settings
 * without a default); the user-office import's own settings ({@code vantage.etl.*}) may be in etl/README.md's table
 * instead. ConfigurationCheck tests the other direction (every key in the file is read by the code).
 */
class SettingsDocumentedTest {

    /** Settings deliberately not in the file, each with the reason. */
    private static final Map<String, String> NOT_IN_THE_FILE = Map.of(
            "vantage.cloud.providers", "clouds are configured per site; the README and each provider's README show how");
    private static final String ETL = "vantage.etl.";

    @Test
    void everySettingOfTheCodeIsInApplicationYml() throws Exception {
        String text = Files.readString(Path.of("src/main/resources/application.yml"));
        String etlReadme = Files.readString(Path.of("../etl/README.md"));
        Set<String> keys = new TreeSet<>();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"))) {
            keys.addAll(List.of(((EnumerablePropertySource<?>) source).getPropertyNames()));
        }
        List<String> missing = new ArrayList<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.vantage")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
            if (type.isRecord()) {
                collect(prefix, type, name -> keys.stream().anyMatch(key -> key.equals(name)
                        || key.startsWith(name + ".") || key.startsWith(name + "[")) || commented(text, name)
                        || name.startsWith(ETL) && (etlReadme.contains("`" + name.substring(ETL.length()) + "`")
                        || etlReadme.contains("`" + name.substring(ETL.length()) + ".<")), // a map's entries
                        missing);
            }
        }
        assertThat(missing).as("settings of the code missing from portal-web's application.yml").isEmpty();
    }

    /** {@code # name: example} or {@code name: {}} (an empty map, which leaves no key), as its own line. */
    private static boolean commented(String text, String name) {
        String last = name.substring(name.lastIndexOf('.') + 1);
        String quoted = java.util.regex.Pattern.quote(last);
        return java.util.regex.Pattern.compile("(?m)^\\s*(#\\s*" + quoted + ":|" + quoted + ":\\s*(\\{}|\\[]))")
                .matcher(text).find();
    }

    private static void collect(String prefix, Class<?> record, java.util.function.Predicate<String> documented,
                                List<String> missing) {
        for (RecordComponent component : record.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            if (NOT_IN_THE_FILE.containsKey(name)) {
                continue;
            }
            Class<?> type = component.getType();
            if (type.isRecord() && type.getName().startsWith("io.vantage")) {
                collect(name, type, documented, missing);
            } else if (!documented.test(name)) {
                missing.add(name + " (" + record.getSimpleName() + "." + component.getName() + ")");
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
