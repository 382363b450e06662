package io.vantage.api.cloud;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.vantage.cloud.api.Capability;
import io.vantage.cloud.api.Catalogue;
import io.vantage.cloud.api.CloudFlavour;
import io.vantage.cloud.api.CloudImage;
import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudLimits;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.cloud.api.CloudState;
import io.vantage.cloud.api.Compute;
import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.Endpoint;
import io.vantage.cloud.api.HandOver;
import io.vantage.cloud.api.HandOverRequest;
import io.vantage.cloud.api.Limits;
import io.vantage.cloud.api.Network;
import io.vantage.cloud.api.ProviderContext;
import io.vantage.cloud.api.ProviderHealth;
import io.vantage.cloud.api.SettingDescriptor;
import io.vantage.cloud.api.TimeLimits;

/**
 * A fourth provider type that exists only on the tests' class path (registered in their
 * {@code META-INF/services}): machines held in memory whose services are one port the test listens on. It can reboot
 * but not stop, so pages and the API must hide and refuse stop and start for it. With {@code pool} it hands machines
 * over (recording each request in {@link #HAND_OVERS}); with {@code max-instances} it reports that limit. With
 * {@code time-limit} its machines end at a limit of their own, which may be shortened but not lengthened, as a
 * Slurm job's without an operator's token.
 */
public final class MemoryProviderFactory implements CloudProviderFactory<MemoryProviderFactory.Settings> {

    public static final String TYPE = "memory";
    /** Machines of every memory provider, by provider name then compute id, for tests to look at. */
    public static final Map<String, Map<String, CloudInstance>> MACHINES = new ConcurrentHashMap<>();
    /** When each machine with a time limit ends, by compute id. */
    public static final Map<String, Instant> ENDS = new ConcurrentHashMap<>();
    /** Hand-overs asked of every memory provider, by compute id, in order. */
    public static final Map<String, List<HandOverRequest>> HAND_OVERS = new ConcurrentHashMap<>();

    /**
     * @param servicePort where every port of every machine is reached (a socket the test opens)
     * @param apiKey      stands for a credential: required and secret
     * @param timeLimit   machines end this long after their creation unless shortened; null: no limit
     */
    public record Settings(Integer servicePort, String apiKey, String region, Boolean pool, Integer maxInstances,
                           java.time.Duration timeLimit) {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public String description() {
        return "In-memory machines (tests only)";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(SettingDescriptor.required("service-port", "Port every service of every machine answers on",
                        "5901"),
                SettingDescriptor.secret("api-key", "Credential of the memory cloud", true),
                SettingDescriptor.optional("region", "Where the memory is", "here"),
                SettingDescriptor.optional("pool", "Whether machines can be handed over (pre-warmed pools)", "true"),
                SettingDescriptor.optional("max-instances", "The most machines the cloud allows", "3"),
                SettingDescriptor.optional("time-limit", "Machines end this long after creation; only shorter "
                        + "limits are accepted later", "2h"));
    }

    @Override
    public CloudProvider create(String name, Settings settings, ProviderContext context) {
        if (settings.servicePort() < 1 || settings.servicePort() > 65535) {
            throw new CloudPermanentException("Memory provider '" + name + "': setting service-port must be a port");
        }
        return new Provider(name, settings.servicePort(), Boolean.TRUE.equals(settings.pool()),
                settings.maxInstances(), settings.timeLimit(), context);
    }

    private record Provider(String name, int port, boolean pool, Integer maxInstances,
                            java.time.Duration timeLimit, ProviderContext context)
            implements CloudProvider, Compute, HandOver, TimeLimits {

        private static final AtomicInteger IDS = new AtomicInteger();

        Map<String, CloudInstance> machines() {
            return MACHINES.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Compute compute() {
            return this;
        }

        @Override
        public Catalogue catalogue() {
            return new Catalogue() {
                @Override
                public List<CloudImage> images() {
                    return List.of(new CloudImage("memory-desktop", "Memory desktop", "active", 0, Map.of()));
                }

                @Override
                public List<CloudFlavour> flavours() {
                    return List.of(new CloudFlavour("tiny", "Tiny", 1, 512, 0, 1));
                }
            };
        }

        @Override
        public Limits limits() {
            return () -> new CloudLimits(maxInstances, null, null, null, machines().size(), 0, 0, 0);
        }

        @Override
        public Network network() {
            return (instance, requested) -> Optional.of(new Endpoint("127.0.0.1", port));
        }

        @Override
        public Set<Capability> capabilities() {
            EnumSet<Capability> capabilities = EnumSet.of(Capability.REBOOT);
            if (pool) {
                capabilities.add(Capability.POOL);
            }
            if (timeLimit != null) {
                capabilities.add(Capability.TIME_LIMIT);
            }
            return capabilities;
        }

        @Override
        public Optional<TimeLimits> timeLimits() {
            return timeLimit == null ? Optional.empty() : Optional.of(this);
        }

        @Override
        public Instant setEnd(String computeId, Instant end) {
            Instant current = end(computeId).orElseThrow(() -> new CloudPermanentException("no machine " + computeId));
            if (end.isAfter(current)) {
                throw new CloudPermanentException("the memory cloud refused to lengthen the time limit of "
                        + computeId + " (only operators may lengthen time limits)");
            }
            ENDS.put(computeId, end);
            return end;
        }

        @Override
        public Optional<Instant> end(String computeId) {
            return machines().containsKey(computeId) ? Optional.ofNullable(ENDS.get(computeId)) : Optional.empty();
        }

        @Override
        public Optional<HandOver> handOver() {
            return pool ? Optional.of(this) : Optional.empty();
        }

        /** The machine takes its owner's tags; the request is kept for the test to read. */
        @Override
        public void handOver(CloudInstance machine, HandOverRequest request) {
            CloudInstance current = get(machine.computeId())
                    .orElseThrow(() -> new CloudPermanentException("no machine " + machine.computeId()));
            HAND_OVERS.computeIfAbsent(machine.computeId(), id -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .add(request);
            machines().put(current.computeId(), new CloudInstance(current.computeId(), current.name(),
                    current.state(), null, current.addresses(), request.metadata().tags(), current.createdAt()));
        }

        @Override
        public ProviderHealth checkHealth() {
            return ProviderHealth.up(java.time.Duration.ZERO);
        }

        @Override
        public CloudInstance create(CreateInstanceRequest request) {
            CloudInstance machine = new CloudInstance("mem-" + IDS.incrementAndGet(), request.name(),
                    CloudState.RUNNING, null, List.of("127.0.0.1"), request.metadata().tags(), Instant.now());
            machines().put(machine.computeId(), machine);
            if (timeLimit != null) {
                ENDS.put(machine.computeId(), context.clock().instant().plus(timeLimit));
            }
            return machine;
        }

        @Override
        public Optional<CloudInstance> get(String computeId) {
            return Optional.ofNullable(machines().get(computeId));
        }

        @Override
        public List<CloudInstance> list() {
            return List.copyOf(machines().values());
        }

        @Override
        public void start(String computeId) {
            throw new CloudPermanentException("memory machines cannot be started");
        }

        @Override
        public void stop(String computeId) {
            throw new CloudPermanentException("memory machines cannot be stopped");
        }

        @Override
        public void reboot(String computeId) {
            get(computeId).orElseThrow(() -> new CloudPermanentException("no machine " + computeId));
        }

        @Override
        public void delete(String computeId) {
            machines().remove(computeId);
        }
    }
}
