package io.vantage.cloud.slurm;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.vantage.cloud.api.Capability;
import io.vantage.cloud.api.Catalogue;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderException;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.Limits;
import io.vantage.cloud.api.Network;
import io.vantage.cloud.api.ProviderContext;
import io.vantage.cloud.api.ProviderHealth;
import io.vantage.cloud.api.TimeLimits;
import tools.jackson.databind.JsonNode;

/** One Slurm cluster, reached through slurmrestd. */
final class SlurmProvider implements CloudProvider {

    private final String name;
    private final SlurmSettings settings;
    private final SlurmHttp http;
    private final ApiDialect dialect;
    private final SlurmCompute compute;
    private final SlurmCatalogue catalogue;
    private final SlurmLimits limits;
    private final SlurmNetwork network = new SlurmNetwork();

    SlurmProvider(String name, SlurmSettings settings, ProviderContext context) {
        this.name = name;
        this.settings = settings;
        this.dialect = ApiDialect.of(settings.apiVersion());
        this.http = new SlurmHttp(settings.url(), settings.userName(), new Token(settings.token(),
                settings.tokenFile()), context.callTimeout());
        Nodes nodes = new Nodes(http, dialect, context.clock());
        this.compute = new SlurmCompute(settings, context, http, dialect, nodes);
        this.catalogue = new SlurmCatalogue(settings);
        this.limits = new SlurmLimits(settings, nodes, compute);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return SlurmProviderFactory.TYPE;
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
        return network;
    }

    /** Jobs end at their time limit, which extensions move; they cannot be stopped, started or rebooted. */
    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.TIME_LIMIT);
    }

    @Override
    public Optional<TimeLimits> timeLimits() {
        return Optional.of(compute);
    }

    /**
     * One job user for everybody puts every person's desktop and notebook under one Unix account: on a node they
     * share, one person's code can read another's job files (the instance secret among them) or cancel their jobs.
     */
    @Override
    public List<String> warnings() {
        if (!settings.sharedJobUser()) {
            return List.of();
        }
        return List.of("All jobs run as the one Unix account '" + settings.jobUser() + "' (setting job-user), so "
                + "one person's code can read another's files and instance secret on a node they share, or cancel "
                + "their jobs. Set job-user to \"{owner}\" (each person's own account; needs a SlurmUser or root "
                + "token), or let only one person use this provider.");
    }

    /** slurmrestd's ping: proves it answers, accepts the token, and reaches the controller. */
    @Override
    public ProviderHealth checkHealth() {
        long started = System.nanoTime();
        try {
            JsonNode answer = http.require("ping Slurm", http.get("ping Slurm", dialect.ping()));
            for (JsonNode ping : answer.path("pings")) {
                String state = ping.path("ping").asString("");
                if ("UP".equalsIgnoreCase(state) || ping.path("responding").asBoolean(false)) {
                    return ProviderHealth.up(Duration.ofNanos(System.nanoTime() - started));
                }
            }
            return ProviderHealth.down("slurmrestd answers but no Slurm controller is up: "
                    + answer.path("pings").toString());
        } catch (CloudProviderException e) {
            return ProviderHealth.down(e.getMessage());
        } catch (RuntimeException e) {
            return ProviderHealth.down("Slurm health check failed: " + e);
        }
    }
}
