package io.vantage.api.cloud;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.vantage.cloud.api.CloudProvider;
import io.vantage.domain.cloud.CloudProviderRecord;
import io.vantage.domain.cloud.CloudProviderRecordRepository;

/**
 * Once the portal is up, builds each enabled provider (so what a provider warns about when built, such as a local
 * provider that cannot give instances users of their own, is in the startup log) and lets it ready this host in the
 * background ({@link CloudProvider#prepare}: the local provider installs Xvnc, openbox, xterm and Jupyter when it may).
 * Startup never waits for the preparing.
 */
@Component
class ProviderPreparation {

    private final CloudProviderRecordRepository records;
    private final ProviderRegistry registry;

    ProviderPreparation(CloudProviderRecordRepository records, ProviderRegistry registry) {
        this.records = records;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    void prepare() {
        for (CloudProviderRecord record : records.findAllByOrderByName()) {
            if (record.isEnabled()) {
                registry.find(record.getId()).ifPresent(provider -> {
                    Thread thread = new Thread(provider::prepare, "prepare-" + record.getName());
                    thread.setDaemon(true);
                    thread.start();
                });
            }
        }
    }
}
