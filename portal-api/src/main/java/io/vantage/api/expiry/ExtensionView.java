package io.vantage.api.expiry;

import java.time.Instant;

import io.vantage.domain.instance.ExtensionRequest;

/** An extension request as members see it. */
public record ExtensionView(Long id, String requesterId, Instant requestedUntil, String comments, String state,
                            String handledBy, Instant handledAt, String handlerComments, Instant createdAt) {

    static ExtensionView of(ExtensionRequest request) {
        return new ExtensionView(request.getId(), request.getRequesterId(), request.getRequestedUntil(),
                request.getComments(), request.getState().name(), request.getHandledBy(), request.getHandledAt(),
                request.getHandlerComments(), request.getCreatedAt());
    }
}
