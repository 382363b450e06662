package io.vantage.api.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.cloud.api.ProviderContext;
import io.vantage.domain.cloud.CloudProviderRecord;
import io.vantage.domain.cloud.CloudProviderRecordRepository;

class ProviderRegistryTest {

    record NoSettings() {
    }

    /** Counts builds; slow enough that requests arriving together all find the provider missing. */
    static final class CountingFactory implements CloudProviderFactory<NoSettings> {
        final AtomicInteger built = new AtomicInteger();
        final List<CloudProvider> providers = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public String type() {
            return "local";
        }

        @Override
        public Class<NoSettings> settingsType() {
            return NoSettings.class;
        }

        @Override
        public CloudProvider create(String name, NoSettings settings, ProviderContext context) {
            built.incrementAndGet();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            CloudProvider provider = mock(CloudProvider.class);
            providers.add(provider);
            return provider;
        }
    }

    CloudProviderRecordRepository records = mock(CloudProviderRecordRepository.class);
    CountingFactory factory = new CountingFactory();
    CloudProviderRecord record = new CloudProviderRecord("local", "local", "{}");

    ProviderRegistry registry() {
        when(records.findById(7L)).thenAnswer(invocation -> Optional.of(record));
        CloudProperties properties = new CloudProperties("test-deployment", java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(30), Map.of());
        return new ProviderRegistry(records, properties, new ProviderFactories(List.of(factory)),
                new StandardEnvironment(), new DeploymentId(properties, mock(DeploymentIdRepository.class)), Clock.systemUTC(),
                mock(TransactionTemplate.class));
    }

    /** Start-up with these configured providers and configuration properties; the failure it stops with, if any. */
    Throwable startWith(Map<String, CloudProperties.Provider> providers, Map<String, Object> environment) {
        CloudProperties properties = new CloudProperties("test-deployment", java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(30), providers);
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", environment));
        when(records.findByName(any())).thenReturn(Optional.empty());
        TransactionTemplate tx = new TransactionTemplate(mock(PlatformTransactionManager.class));
        try {
            new ProviderRegistry(records, properties, new ProviderFactories(List.of(factory)), env,
                    new DeploymentId(properties, mock(DeploymentIdRepository.class)), Clock.systemUTC(), tx);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void configuredProvidersThatCannotWorkStopTheStartNamingEachProblem() {
        Throwable failure = startWith(Map.of("0", new CloudProperties.Provider("local", true, Map.of()),
                "site", new CloudProperties.Provider("azure", true, Map.of()),
                "lab", new CloudProperties.Provider(null, true, Map.of()),
                "ok", new CloudProperties.Provider("LOCAL", true, Map.of("colour", "red"))),
                Map.of("vantage.cloud.providers.ok.settings.colour", "red"));
        assertThat(failure).isInstanceOf(IllegalStateException.class).message()
                .contains("vantage.cloud.providers.0: vantage.cloud.providers is a map by provider name, not a list")
                .contains("vantage.cloud.providers.site.type: no provider type 'azure' is installed (installed: local)")
                .contains("vantage.cloud.providers.lab.type: missing")
                .contains("vantage.cloud.providers.ok.settings.colour: unknown setting 'colour'");
        org.mockito.Mockito.verify(records, org.mockito.Mockito.never()).save(any());
    }

    @Test
    void aValidConfiguredProviderGetsARowOfItsPluginsType() {
        assertThat(startWith(Map.of("site", new CloudProperties.Provider("LOCAL", true, Map.of())), Map.of()))
                .isNull();
        org.mockito.Mockito.verify(records).save(org.mockito.ArgumentMatchers.argThat(r ->
                r.getName().equals("site") && r.getType().equals("local")));
    }

    @Test
    void concurrentFirstUsesBuildTheProviderOnce() throws Exception {
        ProviderRegistry registry = registry();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<CloudProvider>> results = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return registry.require(7L);
            }));
        }
        start.countDown();
        List<CloudProvider> seen = new ArrayList<>();
        for (Future<CloudProvider> result : results) {
            seen.add(result.get());
        }
        pool.shutdown();

        assertThat(factory.built).hasValue(1);
        assertThat(seen).containsOnly(factory.providers.get(0));
    }

    @Test
    void aChangedRowIsRebuiltAndTheOldProviderClosed() throws Exception {
        ProviderRegistry registry = registry();
        CloudProvider first = registry.require(7L);
        assertThat(registry.require(7L)).isSameAs(first);

        Thread.sleep(2);
        record.updateSettings("{}");
        CloudProvider second = registry.require(7L);

        assertThat(second).isNotSameAs(first);
        assertThat(factory.built).hasValue(2);
        org.mockito.Mockito.verify(first).close();
    }
}
