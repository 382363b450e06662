package io.vantage.web.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.json.JsonParserFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The settings Spring Boot and the libraries on the portal's class path declare (their
 * {@code META-INF/spring-configuration-metadata.json}, as IDEs use them), to check {@code spring.*},
 * {@code server.*}, {@code management.*} and {@code logging.*} keys.
 */
final class SpringMetadata {

    private static final Set<String> PROPERTIES = new HashSet<>();
    /** Map-typed settings: anything below them is a key of the map (e.g. logging.level.io.vantage). */
    private static final Set<String> MAPS = new HashSet<>();

    static {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            for (String file : List.of("spring-configuration-metadata.json", "additional-spring-configuration-metadata.json")) {
                for (Resource resource : resolver.getResources("classpath*:META-INF/" + file)) {
                    read(resource);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SpringMetadata() {
    }

    static boolean knows(String key) {
        String name = key.replaceAll("\\[[^]]*]", "");
        if (PROPERTIES.contains(name)) {
            return true;
        }
        return MAPS.stream().anyMatch(map -> name.startsWith(map + "."));
    }

    static boolean isSpringVariable(String variable) {
        return variable.matches("(SPRING|SERVER|MANAGEMENT|LOGGING)_.*");
    }

    /** SPRING_DATASOURCE_URL and the like, in the form Spring Boot maps environment variables. */
    static boolean knowsVariable(String variable) {
        for (String property : PROPERTIES) {
            if (variableForm(property).equals(variable) || variableForm(property.replace("-", "")).equals(variable)) {
                return true;
            }
        }
        return MAPS.stream().anyMatch(map -> variable.startsWith(variableForm(map) + "_")
                || variable.startsWith(variableForm(map.replace("-", "")) + "_"));
    }

    private static String variableForm(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[.-]", "_");
    }

    private static void read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            Map<String, Object> metadata = JsonParserFactory.getJsonParser()
                    .parseMap(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Object properties = metadata.get("properties");
            if (properties instanceof List<?> list) {
                for (Object entry : list) {
                    Map<?, ?> property = (Map<?, ?>) entry;
                    String name = String.valueOf(property.get("name"));
                    PROPERTIES.add(name);
                    if (String.valueOf(property.get("type")).startsWith("java.util.Map")) {
                        MAPS.add(name);
                    }
                }
            }
        }
    }
}
