package io.vantage.bench.plugin;

import java.util.List;

import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.cloud.api.ProviderContext;
import io.vantage.cloud.api.SettingDescriptor;
import io.vantage.cloud.local.LocalProviderFactory;
import io.vantage.cloud.local.LocalSettings;

/**
 * Type {@code slow-boot}, loaded into the real portal by the pool benchmark (its plugin jar on the portal's class
 * path): the local provider's desktops (real Xvnc, real hand-over), behind a cloud that takes {@code boot-time} to
 * boot a machine, as real clouds take 30-120 s. Only the benchmark configures it.
 */
public final class SlowBootProviderFactory implements CloudProviderFactory<SlowBootSettings> {

    @Override
    public String type() {
        return "slow-boot";
    }

    @Override
    public Class<SlowBootSettings> settingsType() {
        return SlowBootSettings.class;
    }

    @Override
    public String description() {
        return "Benchmark only: local desktops behind a cloud that boots machines slowly";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(SettingDescriptor.optional("boot-time", "how long a machine is BUILDING after its create",
                        "60s"),
                SettingDescriptor.required("work-dir", "the local provider's folder", "/tmp/slow-boot"));
    }

    @Override
    public CloudProvider create(String name, SlowBootSettings settings, ProviderContext context) {
        if (settings.bootTime().isNegative()) {
            throw new CloudPermanentException("Slow-boot provider '" + name + "': setting boot-time must not be "
                    + "negative, was '" + settings.bootTime() + "'");
        }
        CloudProvider local = new LocalProviderFactory().create(name,
                LocalSettings.defaults().withWorkDir(settings.workDir()), context);
        return new SlowBootProvider(local, settings.bootTime(), context.clock());
    }
}
