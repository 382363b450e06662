package io.vantage.web.instance;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

import io.vantage.api.catalogue.CatalogueService;
import io.vantage.api.catalogue.PlanOption;
import io.vantage.api.instance.InstanceView;
import io.vantage.api.security.CurrentUser;

/**
 * "Launch again with the same settings": the launch wizard's last step with a deleted instance's choices filled
 * in (experiments, environment and size, name, screen, keyboard). The wizard checks them all again; an environment
 * or size no longer offered sends the person to choose one.
 */
@Component
class Relaunch {

    private final CatalogueService catalogue;

    Relaunch(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    String url(CurrentUser user, InstanceView instance) {
        Optional<PlanOption> plan = catalogue.plans(user, instance.experiments()).stream()
                .filter(p -> p.imageId().equals(instance.environment().imageId())
                        && p.flavourId().equals(instance.size().flavourId()))
                .findFirst();
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/launch")
                .queryParam("step", plan.isPresent() ? "details" : "environment");
        instance.experiments().forEach(experiment -> url.queryParam("experiment", experiment));
        plan.ifPresent(p -> url.queryParam("image", p.imageId()).queryParam("plan", p.planId()));
        url.queryParam("name", instance.name()).queryParam("keyboardLayout", instance.keyboardLayout());
        String[] screen = instance.screen().split("x");
        if (screen.length == 2) {
            url.queryParam("screenWidth", screen[0]).queryParam("screenHeight", screen[1]);
        }
        return url.encode().build().toUriString();
    }
}
