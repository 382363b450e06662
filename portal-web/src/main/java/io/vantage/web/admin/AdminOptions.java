package io.vantage.web.admin;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.vantage.domain.catalogue.ProtocolRepository;
import io.vantage.domain.cloud.CloudProviderRecordRepository;
import io.vantage.domain.proposal.InstrumentRepository;
import io.vantage.domain.user.RoleRepository;

/** Choices for select boxes, read straight from the repositories (no cloud is asked, so they are quick). */
@Component
public class AdminOptions {

    /** One choice: the value sent and what the admin reads. */
    public record Option(String value, String label) {
    }

    private final CloudProviderRecordRepository providers;
    private final RoleRepository roles;
    private final InstrumentRepository instruments;
    private final ProtocolRepository protocols;

    AdminOptions(CloudProviderRecordRepository providers, RoleRepository roles, InstrumentRepository instruments,
                 ProtocolRepository protocols) {
        this.providers = providers;
        this.roles = roles;
        this.instruments = instruments;
        this.protocols = protocols;
    }

    public List<Option> providers() {
        return providers.findAllByOrderByName().stream()
                .map(p -> new Option(String.valueOf(p.getId()), p.getName())).toList();
    }

    @Transactional(readOnly = true)
    public List<Option> roles() {
        return roles.findAllByOrderByName().stream().map(r -> new Option(r.getName(), r.getName())).toList();
    }

    public List<Option> instruments() {
        return instruments.findAll().stream().sorted(Comparator.comparing(i -> i.getId()))
                .map(i -> new Option(i.getId(), i.getId() + " · " + i.getName())).toList();
    }

    public List<Option> protocols() {
        return protocols.findAll().stream().sorted(Comparator.comparing(p -> p.getName()))
                .map(p -> new Option(String.valueOf(p.getId()), p.getName() + " (" + p.getPort() + ")")).toList();
    }
}
