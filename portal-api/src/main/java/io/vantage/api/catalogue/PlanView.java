package io.vantage.api.catalogue;

import io.vantage.domain.catalogue.Plan;

/** A plan with enough of its image and flavour to read a list without looking them up. */
public record PlanView(Long id, Long imageId, String imageName, String imageVersion, Long flavourId, String flavourName,
                Long providerId, boolean preset, boolean deleted, boolean launchable) {

    static PlanView of(Plan plan) {
        var image = plan.getImage();
        var flavour = plan.getFlavour();
        boolean launchable = !plan.isDeleted() && !image.isDeleted() && image.isVisible() && !flavour.isDeleted();
        return new PlanView(plan.getId(), image.getId(), image.getName(), image.getVersion(), flavour.getId(),
                flavour.getName(), image.getProvider().getId(), plan.isPreset(), plan.isDeleted(), launchable);
    }
}
