package io.vantage.cloud.proxmox;

import io.vantage.cloud.api.Catalogue;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderException;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.Limits;
import io.vantage.cloud.api.Network;
import io.vantage.cloud.api.ProviderHealth;

import java.time.Duration;
import java.util.Map;

/** One Proxmox VE cluster. The portal reaches a machine at the address its guest agent reports. */
final class ProxmoxProvider implements CloudProvider {

    private final String name;
    private final ProxmoxApi api;
    private final Compute compute;
    private final Catalogue catalogue;
    private final Limits limits;

    ProxmoxProvider(String name, ProxmoxApi api, Compute compute, Catalogue catalogue, Limits limits) {
        this.name = name;
        this.api = api;
        this.compute = compute;
        this.catalogue = catalogue;
        this.limits = limits;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return ProxmoxProviderFactory.TYPE;
    }

    @Override
    public Compute compute() {
        return compute;
    }

    @Override
    public Catalogue catalogue() {
        return catalogue;
    }

    @Override
    public Limits limits() {
        return limits;
    }

    @Override
    public Network network() {
        return Network.ADDRESS_AND_PORT;
    }

    /** {@code /version} needs a valid token and nothing else: proves the API answers and accepts the credentials. */
    @Override
    public ProviderHealth checkHealth() {
        long started = System.nanoTime();
        try {
            api.get("read the Proxmox version", "/version", Map.of());
            return ProviderHealth.up(Duration.ofNanos(System.nanoTime() - started));
        } catch (CloudProviderException e) {
            return ProviderHealth.down(e.getMessage());
        } catch (RuntimeException e) {
            return ProviderHealth.down("Proxmox health check failed: " + e);
        }
    }
}
