package io.vantage.bench.plugin;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.vantage.cloud.api.Capability;
import io.vantage.cloud.api.Catalogue;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.HandOver;
import io.vantage.cloud.api.Limits;
import io.vantage.cloud.api.Network;
import io.vantage.cloud.api.ProviderHealth;
import io.vantage.cloud.api.SecurityGroups;
import io.vantage.cloud.api.TimeLimits;

/** The local provider, except that its machines boot slowly ({@link SlowBootCompute}). */
final class SlowBootProvider implements CloudProvider {

    private final CloudProvider local;
    private final Compute compute;

    SlowBootProvider(CloudProvider local, Duration bootTime, Clock clock) {
        this.local = local;
        this.compute = new SlowBootCompute(local.compute(), bootTime, clock);
    }

    @Override
    public String name() {
        return local.name();
    }

    @Override
    public String type() {
        return "slow-boot";
    }

    @Override
    public Compute compute() {
        return compute;
    }

    @Override
    public Catalogue catalogue() {
        return local.catalogue();
    }

    @Override
    public Limits limits() {
        return local.limits();
    }

    @Override
    public SecurityGroups securityGroups() {
        return local.securityGroups();
    }

    @Override
    public Network network() {
        return local.network();
    }

    @Override
    public Set<Capability> capabilities() {
        return local.capabilities();
    }

    @Override
    public Optional<HandOver> handOver() {
        return local.handOver();
    }

    @Override
    public void prepare() {
        local.prepare();
    }

    @Override
    public Optional<TimeLimits> timeLimits() {
        return local.timeLimits();
    }

    @Override
    public List<String> warnings() {
        return local.warnings();
    }

    @Override
    public ProviderHealth checkHealth() {
        return local.checkHealth();
    }

    @Override
    public void close() {
        local.close();
    }
}
