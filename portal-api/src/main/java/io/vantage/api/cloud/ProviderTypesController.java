package io.vantage.api.cloud;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.vantage.cloud.api.SettingDescriptor;

/** The provider types installed in this portal and the settings each reads, for forms and scripts. */
@RestController
@RequestMapping("/api/admin/provider-types")
@PreAuthorize("hasRole('ADMIN')")
class ProviderTypesController {

    private final ProviderFactories factories;

    ProviderTypesController(ProviderFactories factories) {
        this.factories = factories;
    }

    /** One installed type: its name for {@code type}, what it is, and its settings with their meaning. */
    record ProviderType(String type, String description, List<SettingDescriptor> settings) {
    }

    @GetMapping
    List<ProviderType> list() {
        return factories.all().stream().map(f -> new ProviderType(f.type(), f.description(), f.settings())).toList();
    }
}
