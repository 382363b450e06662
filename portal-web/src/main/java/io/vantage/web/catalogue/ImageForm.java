package io.vantage.web.catalogue;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import io.vantage.api.catalogue.ImageRequests;
import io.vantage.api.catalogue.ImageView;
import io.vantage.api.catalogue.ProtocolView;

/** Registering a cloud image, or changing one (then provider and cloud image stay as they are). */
class ImageForm {

    private Long providerId;
    private String providerImageId;
    @NotBlank
    @Size(max = 255)
    private String name;
    @Size(max = 64)
    private String version;
    @Size(max = 4000)
    private String description;
    @Size(max = 255)
    private String icon;
    @NotEmpty
    private List<Long> protocolIds = new ArrayList<>();
    private Long defaultProtocolId;
    @Size(max = 65000)
    private String bootScript;
    private String extensionPolicy = "STAFF_AUTO";
    private boolean visible = true;

    static ImageForm of(ImageView image) {
        ImageForm form = new ImageForm();
        form.providerId = image.providerId();
        form.providerImageId = image.providerImageId();
        form.name = image.name();
        form.version = image.version();
        form.description = image.description();
        form.icon = image.icon();
        form.protocolIds = new ArrayList<>(image.protocols().stream().map(ProtocolView::id).toList());
        form.defaultProtocolId = image.defaultProtocolId();
        form.bootScript = image.bootScript();
        form.extensionPolicy = image.extensionPolicy();
        form.visible = image.visible();
        return form;
    }

    ImageRequests.NewImage toNewImage() {
        return new ImageRequests.NewImage(providerId, providerImageId, name, version, description, icon, protocolIds,
                defaultProtocolId, bootScript, extensionPolicy, visible);
    }

    ImageRequests.ImageChanges toChanges() {
        return new ImageRequests.ImageChanges(name, version, description, icon, protocolIds, defaultProtocolId,
                bootScript, extensionPolicy, visible);
    }

    public Long getProviderId() {
        return providerId;
    }

    public void setProviderId(Long providerId) {
        this.providerId = providerId;
    }

    public String getProviderImageId() {
        return providerImageId;
    }

    public void setProviderImageId(String providerImageId) {
        this.providerImageId = providerImageId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getVersion() {
        return version;
    }

    public void setVersion(String version) {
        this.version = version;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getIcon() {
        return icon;
    }

    public void setIcon(String icon) {
        this.icon = icon;
    }

    public List<Long> getProtocolIds() {
        return protocolIds;
    }

    public void setProtocolIds(List<Long> protocolIds) {
        this.protocolIds = protocolIds == null ? new ArrayList<>() : protocolIds;
    }

    public Long getDefaultProtocolId() {
        return defaultProtocolId;
    }

    public void setDefaultProtocolId(Long defaultProtocolId) {
        this.defaultProtocolId = defaultProtocolId;
    }

    public String getBootScript() {
        return bootScript;
    }

    public void setBootScript(String bootScript) {
        this.bootScript = bootScript;
    }

    public String getExtensionPolicy() {
        return extensionPolicy;
    }

    public void setExtensionPolicy(String extensionPolicy) {
        this.extensionPolicy = extensionPolicy;
    }

    public boolean isVisible() {
        return visible;
    }

    public void setVisible(boolean visible) {
        this.visible = visible;
    }
}
