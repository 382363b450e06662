package io.vantage.api.cloud;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

import org.springframework.stereotype.Component;

import io.vantage.cloud.api.CloudProviderFactory;

/**
 * Provider plugins on the classpath, found through {@link ServiceLoader}: the provider types that exist are exactly
 * the ones installed, matched by their type name.
 */
@Component
public class ProviderFactories {

    private final List<CloudProviderFactory<?>> factories;

    ProviderFactories() {
        List<CloudProviderFactory<?>> found = new ArrayList<>();
        for (CloudProviderFactory<?> factory : ServiceLoader.load(CloudProviderFactory.class)) {
            found.add(factory);
        }
        found.sort(Comparator.comparing(CloudProviderFactory::type));
        this.factories = List.copyOf(found);
    }

    ProviderFactories(List<CloudProviderFactory<?>> factories) {
        this.factories = List.copyOf(factories);
    }

    public Optional<CloudProviderFactory<?>> forType(String type) {
        return type == null ? Optional.empty()
                : factories.stream().filter(factory -> factory.type().equalsIgnoreCase(type)).findFirst();
    }

    public List<CloudProviderFactory<?>> all() {
        return factories;
    }

    public List<String> types() {
        return factories.stream().map(CloudProviderFactory::type).toList();
    }

    /** "no provider type 'x' is installed (installed: a, b)", for errors about a type. */
    String notInstalled(String type) {
        return "no provider type '" + type + "' is installed (installed: " + String.join(", ", types()) + ")";
    }
}
