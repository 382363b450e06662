package io.vantage.web.catalogue;

import jakarta.validation.constraints.NotNull;

import io.vantage.api.catalogue.PlanAdmin;

/** A plan: this image may run on this flavour (both on the same cloud). */
class PlanForm {

    @NotNull
    private Long imageId;
    @NotNull
    private Long flavourId;
    private boolean preset;

    PlanAdmin.NewPlan toNewPlan() {
        return new PlanAdmin.NewPlan(imageId, flavourId, preset);
    }

    public Long getImageId() {
        return imageId;
    }

    public void setImageId(Long imageId) {
        this.imageId = imageId;
    }

    public Long getFlavourId() {
        return flavourId;
    }

    public void setFlavourId(Long flavourId) {
        this.flavourId = flavourId;
    }

    public boolean isPreset() {
        return preset;
    }

    public void setPreset(boolean preset) {
        this.preset = preset;
    }
}
