package io.vantage.web.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.cloud.api.SettingDescriptor;

/**
 * Every provider type on the portal's class path declares exactly the settings its settings record reads, in the
 * kebab-case form of the configuration file: the admin console's form, the validation of unknown and required keys
 * and the docs all come from that declaration, so a setting left out of it could not be set at all.
 */
class ProviderDeclarationsTest {

    @Test
    void everyInstalledTypeDeclaresEachOfItsSettingsOnce() {
        List<CloudProviderFactory<?>> factories = ServiceLoader.load(CloudProviderFactory.class).stream()
                .<CloudProviderFactory<?>>map(ServiceLoader.Provider::get).toList();
        assertThat(factories).extracting(CloudProviderFactory::type)
                .contains("local", "openstack", "kubernetes", "slurm", "proxmox", "memory");
        for (CloudProviderFactory<?> factory : factories) {
            List<String> declared = factory.settings().stream().map(SettingDescriptor::name).toList();
            List<String> read = Arrays.stream(factory.settingsType().getRecordComponents())
                    .map(component -> component.getName().replaceAll("([A-Z])", "-$1").toLowerCase()).toList();
            assertThat(declared).as("settings declared by type " + factory.type())
                    .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(read);
            assertThat(factory.settings()).as("every setting of " + factory.type() + " says what it means")
                    .allSatisfy(setting -> assertThat(setting.description()).isNotBlank());
            assertThat(factory.description()).as("description of " + factory.type()).isNotEqualTo(factory.type());
        }
    }
}
