package io.vantage.cloud.local;

import io.vantage.cloud.api.CloudInstance;
import io.vantage.cloud.api.CloudProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A machine is found by its instance uid from the provider's own records, as after a create whose answer was lost. */
class FindByInstanceTest extends LocalProviderTestSupport {

    @Test
    void theRecordsNameTheMachineOfAnInstance() {
        CloudProvider provider = provider();
        CloudInstance created = provider.compute().create(request("desktop", "uid-find", newSecret()));
        provider.compute().create(request("desktop", "uid-other", newSecret()));

        assertThat(provider.compute().findByInstanceUid("uid-find")).map(CloudInstance::computeId)
                .contains(created.computeId());
        assertThat(provider.compute().findByInstanceUid("uid-none")).isEmpty();

        provider.compute().delete(created.computeId());
        assertThat(provider.compute().findByInstanceUid("uid-find")).isEmpty();
    }
}
