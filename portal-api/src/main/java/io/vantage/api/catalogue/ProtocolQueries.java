package io.vantage.api.catalogue;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import io.vantage.domain.catalogue.ProtocolRepository;

/** The protocols images can offer, by name. */
@Service
class ProtocolQueries {

    private final ProtocolRepository protocols;

    ProtocolQueries(ProtocolRepository protocols) {
        this.protocols = protocols;
    }

    List<ProtocolView> all() {
        return protocols.findAll().stream().sorted(Comparator.comparing(p -> p.getName()))
                .map(ProtocolView::of).toList();
    }
}
