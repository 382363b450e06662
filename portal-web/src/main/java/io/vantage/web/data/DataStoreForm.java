package io.vantage.web.data;

import io.vantage.api.data.DataStoreAdmin;
import io.vantage.api.data.DataStoreRequest;
import io.vantage.api.data.DataStoreView;

/** A data store as the form edits it; the credential shows as {@code ****} when one is kept. */
class DataStoreForm {

    private String name;
    private String description;
    private String instrumentId;
    private Long providerId;
    private String kind = "LOCAL";
    private String server;
    private String rootPath;
    private String rawRule = DataStoreRequest.DEFAULT_RAW_RULE;
    private String processedRule = "processed/{proposal}";
    private String mountOptions;
    private String secret;
    private boolean enabled = true;

    static DataStoreForm of(DataStoreView view) {
        DataStoreForm form = new DataStoreForm();
        form.name = view.name();
        form.description = view.description();
        form.instrumentId = view.instrumentId();
        form.providerId = view.providerId();
        form.kind = view.kind();
        form.server = view.server();
        form.rootPath = view.rootPath();
        form.rawRule = view.rawRule();
        form.processedRule = view.processedRule();
        form.mountOptions = view.mountOptions();
        form.secret = view.secretSet() ? DataStoreAdmin.MASK : null;
        form.enabled = view.enabled();
        return form;
    }

    DataStoreRequest toRequest() {
        return new DataStoreRequest(name, description, blank(instrumentId) ? null : instrumentId, providerId, kind,
                server, rootPath, rawRule, processedRule, mountOptions, secret, enabled);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getInstrumentId() { return instrumentId; }
    public void setInstrumentId(String instrumentId) { this.instrumentId = instrumentId; }
    public Long getProviderId() { return providerId; }
    public void setProviderId(Long providerId) { this.providerId = providerId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getServer() { return server; }
    public void setServer(String server) { this.server = server; }
    public String getRootPath() { return rootPath; }
    public void setRootPath(String rootPath) { this.rootPath = rootPath; }
    public String getRawRule() { return rawRule; }
    public void setRawRule(String rawRule) { this.rawRule = rawRule; }
    public String getProcessedRule() { return processedRule; }
    public void setProcessedRule(String processedRule) { this.processedRule = processedRule; }
    public String getMountOptions() { return mountOptions; }
    public void setMountOptions(String mountOptions) { this.mountOptions = mountOptions; }
    public String getSecret() { return secret; }
    public void setSecret(String secret) { this.secret = secret; }
    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
}
