package io.vantage.cloud.local;

import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.cloud.api.ProviderContext;
import io.vantage.cloud.api.SettingDescriptor;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Type {@code local}: desktops and notebooks as processes on the portal's own machine (demo, tests). */
public final class LocalProviderFactory implements CloudProviderFactory<LocalSettings> {

    public static final String TYPE = "local";
    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<LocalSettings> settingsType() {
        return LocalSettings.class;
    }

    @Override
    public String description() {
        return "Local machine: desktops and notebooks as processes on the portal's own host (demo, tests)";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return LocalSettingDescriptors.ALL;
    }

    /** Checks the settings only: folders are made and programs looked up when first needed. */
    @Override
    public CloudProvider create(String name, LocalSettings settings, ProviderContext context) {
        LocalSettings checked = validate(name, settings == null ? LocalSettings.defaults() : settings);
        InstanceIsolation isolation = InstanceIsolation.of(name, checked,
                new UserAccounts(LocalPackages.systemTools()));
        LocalSettings placed = DefaultWorkDir.resolve(name, checked, isolation.users());
        return new LocalCloudProvider(name, placed, context, LocalPackages.of(placed), isolation);
    }

    static LocalSettings validate(String name, LocalSettings settings) {
        try {
            Path.of(settings.workDir());
        } catch (InvalidPathException e) {
            throw invalid(name, "work-dir", "is not a valid path", settings.workDir());
        }
        if (!IPV4.matcher(settings.bindAddress()).matches()) {
            // Xvnc is told -UseIPv6=0, and the portal reaches instances on this address
            throw invalid(name, "bind-address", "must be an IPv4 address", settings.bindAddress());
        }
        checkPort(name, "vnc-port", settings.vncPort());
        checkPort(name, "jupyter-port", settings.jupyterPort());
        if (settings.vncPort().equals(settings.jupyterPort())) {
            throw invalid(name, "jupyter-port", "must differ from vnc-port", settings.jupyterPort());
        }
        if (!settings.jupyterBaseUrl().startsWith("/")) {
            throw invalid(name, "jupyter-base-url", "must start with /", settings.jupyterBaseUrl());
        }
        if (settings.firstDisplay() < 1 || settings.firstDisplay() > 30000) {
            throw invalid(name, "first-display", "must be between 1 and 30000", settings.firstDisplay());
        }
        checkPositive(name, "start-timeout", settings.startTimeout());
        checkPositive(name, "stop-grace", settings.stopGrace());
        if (settings.maxInstances() != null && settings.maxInstances() < 0) {
            throw invalid(name, "max-instances", "must not be negative", settings.maxInstances());
        }
        if (settings.isolation() != null && !List.of(InstanceIsolation.USERS, InstanceIsolation.NONE)
                .contains(settings.isolation().toLowerCase(Locale.ROOT))) {
            throw invalid(name, "isolation", "must be users or none", settings.isolation());
        }
        return settings;
    }

    private static void checkPort(String name, String setting, int port) {
        if (port < 1 || port > 65535) {
            throw invalid(name, setting, "must be between 1 and 65535", port);
        }
    }

    private static void checkPositive(String name, String setting, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw invalid(name, setting, "must be positive", duration);
        }
    }

    private static CloudPermanentException invalid(String name, String setting, String rule, Object value) {
        return new CloudPermanentException("Local provider '" + name + "': setting " + setting + " " + rule
                + ", was '" + value + "'");
    }
}
