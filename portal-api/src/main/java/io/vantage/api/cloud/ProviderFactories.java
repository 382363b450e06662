package io.vantage.api.cloud;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

import org.springframework.stereotype.Component;

import io.vantage.cloud.api.CloudProviderFactory;

/** Provider plugins on the classpath, found through {@link ServiceLoader}. */
@Component
class ProviderFactories {

    private final List<CloudProviderFactory<?>> factories;

    ProviderFactories() {
        List<CloudProviderFactory<?>> found = new java.util.ArrayList<>();
        for (CloudProviderFactory<?> factory : ServiceLoader.load(CloudProviderFactory.class)) {
            found.add(factory);
        }
        this.factories = List.copyOf(found);
    }

    ProviderFactories(List<CloudProviderFactory<?>> factories) {
        this.factories = List.copyOf(factories);
    }

    Optional<CloudProviderFactory<?>> forType(String type) {
        return factories.stream().filter(factory -> factory.type().equalsIgnoreCase(type)).findFirst();
    }

    List<String> types() {
        return factories.stream().map(CloudProviderFactory::type).toList();
    }
}
