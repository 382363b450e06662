package io.vantage.api.cloud;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.vantage.api.error.NotFoundException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderException;
import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.cloud.api.ProviderHealth;
import io.vantage.domain.catalogue.FlavourRepository;
import io.vantage.domain.catalogue.ImageRepository;
import io.vantage.domain.cloud.CloudProviderRecord;
import io.vantage.domain.cloud.CloudProviderRecordRepository;
import io.vantage.domain.instance.InstanceRepository;

/**
 * Providers with their health as last recorded and what the portal has registered on them; only "test" asks a cloud,
 * and waits a bounded time. Never in a transaction: clouds are slow.
 */
@Service
public class ProviderQueries {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** How long "test connection" waits for each answer; the admin sees "not answering" after that. */
    static final Duration TEST_WAIT = Duration.ofSeconds(10);

    private final CloudProviderRecordRepository records;
    private final ProviderRegistry registry;
    private final ProviderStatuses statuses;
    private final CloudWatch watch;
    private final ProviderFactories factories;
    private final ImageRepository images;
    private final FlavourRepository flavours;
    private final InstanceRepository instances;

    ProviderQueries(CloudProviderRecordRepository records, ProviderRegistry registry, ProviderStatuses statuses,
                    CloudWatch watch, ProviderFactories factories, ImageRepository images,
                    FlavourRepository flavours, InstanceRepository instances) {
        this.records = records;
        this.registry = registry;
        this.statuses = statuses;
        this.watch = watch;
        this.factories = factories;
        this.images = images;
        this.flavours = flavours;
        this.instances = instances;
    }

    /** Result of {@code POST /api/admin/providers/{id}/test}; counts are null when the catalogue did not answer. */
    public record TestResult(Long id, String name, boolean loaded, boolean up, String message, long latencyMs,
                      Integer images, Integer flavours, String catalogueProblem) {
    }

    public List<ProviderView> list() {
        Map<Long, CloudProviderRecord> byId = records.findAllByOrderByName().stream()
                .collect(Collectors.toMap(CloudProviderRecord::getId, Function.identity()));
        return statuses.all().stream().filter(s -> byId.containsKey(s.id()))
                .map(s -> view(byId.get(s.id()), s, null)).toList();
    }

    public ProviderView get(Long id, String warning) {
        CloudProviderRecord record = find(id);
        return view(record, statuses.of(record), warning);
    }

    /** Asks the cloud now, for at most {@link #TEST_WAIT} (the question goes on and updates the status later). */
    public TestResult test(Long id) {
        CloudProviderRecord record = find(id);
        CloudProvider provider;
        try {
            provider = registry.require(id);
        } catch (ProviderUnavailableException e) {
            return new TestResult(id, record.getName(), false, false, e.getMessage(), 0, null, null, null);
        }
        watch.refresh(id);
        ProviderHealth health;
        try {
            health = watch.within(TEST_WAIT, provider::checkHealth);
        } catch (CloudProviderException e) {
            return new TestResult(id, record.getName(), true, false, "Not answering: " + e.getMessage(), 0, null,
                    null, null);
        }
        Integer imageCount = null;
        Integer flavourCount = null;
        String problem = null;
        try {
            imageCount = watch.within(TEST_WAIT, () -> provider.catalogue().images().size());
            flavourCount = watch.within(TEST_WAIT, () -> provider.catalogue().flavours().size());
        } catch (CloudProviderException e) {
            problem = e.getMessage();
        }
        Duration latency = health.latency() == null ? Duration.ZERO : health.latency();
        return new TestResult(id, record.getName(), true, health.up(), health.message(), latency.toMillis(),
                imageCount, flavourCount, problem);
    }

    CloudProviderRecord find(Long id) {
        return records.findById(id).orElseThrow(() -> new NotFoundException("cloud provider", id));
    }

    static Map<String, Object> settingsOf(CloudProviderRecord record) {
        return JSON.readValue(record.getSettings() == null ? "{}" : record.getSettings(), new TypeReference<>() { });
    }

    private ProviderView view(CloudProviderRecord record, ProviderStatus status, String warning) {
        boolean configured = registry.isConfigured(record.getName());
        CloudProviderFactory<?> factory = factories.forType(record.getType()).orElse(null);
        return new ProviderView(record.getId(), record.getName(), record.getType(),
                factory == null ? null : factory.description(),
                registry.capabilities(record.getId()).stream().map(Enum::name).sorted().toList(),
                record.isEnabled(), configured, status.loaded(), status.up(), status.message(), status.checkedAt(),
                status.limits(), status.limitsAt(),
                configured ? null : SettingsMask.mask(factory, settingsOf(record)),
                images.findByProviderIdAndDeletedFalse(record.getId()).size(),
                flavours.findByProviderIdAndDeletedFalse(record.getId()).size(),
                instances.countAliveOnProvider(record.getId()), registry.warnings(record.getId()), warning);
    }
}
