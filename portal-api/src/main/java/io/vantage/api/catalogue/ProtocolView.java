package io.vantage.api.catalogue;

import io.vantage.domain.catalogue.Protocol;

public record ProtocolView(Long id, String name, String kind, int port, boolean optional) {

    static ProtocolView of(Protocol protocol) {
        return new ProtocolView(protocol.getId(), protocol.getName(), protocol.getKind().name(), protocol.getPort(),
                protocol.isOptional());
    }
}
