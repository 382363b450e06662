package io.vantage.api.admin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import io.vantage.api.cloud.CloudWatch;
import io.vantage.api.cloud.ProviderRegistry;
import io.vantage.api.cloud.ProviderUnavailableException;
import io.vantage.api.error.ConflictException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderException;

/**
 * Asks a cloud what it offers (images, flavours, security groups), waiting at most {@link #WAIT}. A cloud that cannot
 * be asked, or is slower than that, is an answer too: admin changes checked against it are then accepted with a
 * warning instead of being blocked by an outage or a slow cloud.
 */
@Component
@NamedInterface("console")
public class CloudLookup {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final ProviderRegistry providers;
    private final CloudWatch watch;

    CloudLookup(ProviderRegistry providers, CloudWatch watch) {
        this.providers = providers;
        this.watch = watch;
    }

    /** What the cloud said, or why it said nothing ({@code problem} set, {@code items} empty). */
    public record Answer<T>(List<T> items, String problem) {
        public boolean answered() {
            return problem == null;
        }
    }

    public <T> Answer<T> ask(Long providerId, Function<CloudProvider, List<T>> question) {
        try {
            CloudProvider provider = providers.require(providerId);
            return new Answer<>(watch.within(WAIT, () -> List.copyOf(question.apply(provider))), null);
        } catch (ProviderUnavailableException | CloudProviderException e) {
            return new Answer<>(List.of(), e.getMessage());
        }
    }

    /** The answer, or 503 when the cloud cannot be asked: listing needs the cloud itself. */
    public <T> List<T> require(Long providerId, Function<CloudProvider, List<T>> question) {
        Answer<T> answer = ask(providerId, question);
        if (!answer.answered()) {
            throw new ConflictException(HttpStatus.SERVICE_UNAVAILABLE, "Cloud provider not answering",
                    answer.problem(), Map.of("providerId", providerId));
        }
        return answer.items();
    }
}
