package io.vantage.web.catalogue;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.vantage.api.catalogue.FlavourRequests;
import io.vantage.api.catalogue.FlavourView;

/**
 * Registering a cloud flavour (sizes left empty are taken from the cloud's flavour) or resizing one (then every
 * size is needed: it is what the portal tells scientists and counts against quotas).
 */
class FlavourForm {

    /** Validation group of the resize form. */
    interface Resize {
    }

    private Long providerId;
    private String providerFlavourId;
    @NotBlank
    @Size(max = 255)
    private String name;
    @NotNull(groups = Resize.class)
    @Positive
    private Integer cpu;
    @NotNull(groups = Resize.class)
    @Positive
    private Integer memoryMib;
    @NotNull(groups = Resize.class)
    @PositiveOrZero
    private Integer gpu;

    static FlavourForm of(FlavourView flavour) {
        FlavourForm form = new FlavourForm();
        form.providerId = flavour.providerId();
        form.providerFlavourId = flavour.providerFlavourId();
        form.name = flavour.name();
        form.cpu = flavour.cpu();
        form.memoryMib = flavour.memoryMib();
        form.gpu = flavour.gpu();
        return form;
    }

    FlavourRequests.NewFlavour toNewFlavour() {
        return new FlavourRequests.NewFlavour(providerId, providerFlavourId, name, cpu, memoryMib, gpu);
    }

    FlavourRequests.FlavourChanges toChanges() {
        return new FlavourRequests.FlavourChanges(name, cpu, memoryMib, gpu);
    }

    public Long getProviderId() {
        return providerId;
    }

    public void setProviderId(Long providerId) {
        this.providerId = providerId;
    }

    public String getProviderFlavourId() {
        return providerFlavourId;
    }

    public void setProviderFlavourId(String providerFlavourId) {
        this.providerFlavourId = providerFlavourId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public Integer getCpu() {
        return cpu;
    }

    public void setCpu(Integer cpu) {
        this.cpu = cpu;
    }

    public Integer getMemoryMib() {
        return memoryMib;
    }

    public void setMemoryMib(Integer memoryMib) {
        this.memoryMib = memoryMib;
    }

    public Integer getGpu() {
        return gpu;
    }

    public void setGpu(Integer gpu) {
        this.gpu = gpu;
    }
}
