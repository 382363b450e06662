package io.vantage.web.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/**
 * What the portal (or the ETL) reads in a container, in Spring Boot's order: environment variables, then the files
 * named by SPRING_CONFIG_ADDITIONAL_LOCATION, then the defaults in the jar. Nothing of the machine running the test
 * leaks in.
 */
final class PodEnvironment {

    static final String PORTAL_DEFAULTS = "application.yml";
    static final String ETL_DEFAULTS = "vantage-etl.yml";

    private PodEnvironment() {
    }

    /** The files: name (for messages) and YAML content. */
    static ConfigurableEnvironment of(Map<String, String> variables, Map<String, String> files, String defaults) {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        List.copyOf(sources.stream().map(PropertySource::getName).toList()).forEach(sources::remove);
        sources.addLast(new SystemEnvironmentPropertySource("environment", new LinkedHashMap<>(variables)));
        files.forEach((name, yaml) -> load(name, new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)))
                .forEach(sources::addLast));
        load("classpath:" + defaults, new ClassPathResource(defaults)).forEach(sources::addLast);
        return environment;
    }

    /** The files a container is told to read (SPRING_CONFIG_ADDITIONAL_LOCATION, "file:" paths, comma-separated). */
    static List<String> configFiles(Map<String, String> variables) {
        String locations = variables.getOrDefault("SPRING_CONFIG_ADDITIONAL_LOCATION", "");
        return locations.isBlank() ? List.of()
                : List.of(locations.split(",")).stream().map(l -> l.trim().replaceFirst("^(optional:)?file:", "")).toList();
    }

    /** The environment of one container of a rendered workload, with the files it is told to read. */
    static ConfigurableEnvironment ofChart(RenderedChart chart, Map<String, Object> workload, String container,
                                           String defaults) {
        Map<String, Object> pod = RenderedChart.podSpec(workload);
        Map<String, Object> spec = RenderedChart.container(pod, container);
        Map<String, String> variables = chart.environment(spec);
        Map<String, String> files = new LinkedHashMap<>();
        for (String path : configFiles(variables)) {
            files.put(path, chart.file(pod, spec, path)
                    .orElseThrow(() -> new AssertionError(container + " reads " + path + ", which no ConfigMap provides")));
        }
        return of(variables, files, defaults);
    }

    private static List<PropertySource<?>> load(String name, org.springframework.core.io.Resource resource) {
        try {
            return new YamlPropertySourceLoader().load(name, resource);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": " + e.getMessage(), e);
        }
    }
}
