package io.vantage.api.admin;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.vantage.api.cloud.ProviderRegistry;
import io.vantage.api.cloud.ProviderUnavailableException;
import io.vantage.api.error.ConflictException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderException;

/**
 * Asks a cloud what it offers (images, flavours, security groups). A cloud that cannot be asked is an answer too:
 * admin changes checked against it are then accepted with a warning instead of being blocked by an outage.
 */
@Component
class CloudLookup {

    private final ProviderRegistry providers;

    CloudLookup(ProviderRegistry providers) {
        this.providers = providers;
    }

    /** What the cloud said, or why it said nothing ({@code problem} set, {@code items} empty). */
    record Answer<T>(List<T> items, String problem) {
        boolean answered() {
            return problem == null;
        }
    }

    <T> Answer<T> ask(Long providerId, Function<CloudProvider, List<T>> question) {
        try {
            return new Answer<>(List.copyOf(question.apply(providers.require(providerId))), null);
        } catch (ProviderUnavailableException | CloudProviderException e) {
            return new Answer<>(List.of(), e.getMessage());
        }
    }

    /** The answer, or 503 when the cloud cannot be asked: listing needs the cloud itself. */
    <T> List<T> require(Long providerId, Function<CloudProvider, List<T>> question) {
        Answer<T> answer = ask(providerId, question);
        if (!answer.answered()) {
            throw new ConflictException(HttpStatus.SERVICE_UNAVAILABLE, "Cloud provider not answering",
                    answer.problem(), Map.of("providerId", providerId));
        }
        return answer.items();
    }
}
