package io.vantage.cloud.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

import io.vantage.cloud.api.Capability;
import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CloudProvider;
import io.vantage.cloud.api.CloudProviderFactory;
import io.vantage.cloud.api.ProviderContext;
import io.vantage.cloud.api.SettingDescriptor;

class SlurmProviderFactoryTest {

    private static final ProviderContext CONTEXT = new ProviderContext("d-1", null, Duration.ofSeconds(2));

    @Test
    void foundByServiceLoaderAsTypeSlurm() {
        assertThat(ServiceLoader.load(CloudProviderFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(factory -> factory.type().equals("slurm")).findFirst()).get()
                .isInstanceOf(SlurmProviderFactory.class);
    }

    @Test
    void declaresEverySettingItReadsWithTheTokenSecret() {
        var declared = new SlurmProviderFactory().settings().stream().map(SettingDescriptor::name).toList();
        var read = Arrays.stream(SlurmSettings.class.getRecordComponents())
                .map(component -> component.getName().replaceAll("([A-Z])", "-$1").toLowerCase()).toList();
        assertThat(declared).containsExactlyInAnyOrderElementsOf(read);
        assertThat(new SlurmProviderFactory().settings()).filteredOn(SettingDescriptor::secret)
                .extracting(SettingDescriptor::name).containsExactly("token");
    }

    @Test
    void buildsWithoutCallingTheClusterAndSupportsOnlyTimeLimits() throws Exception {
        TestSettings settings = new TestSettings();
        settings.token = "a.b.c";
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            settings.url = "http://127.0.0.1:" + socket.getLocalPort(); // closed again below: connections refused
        }
        CloudProvider provider = new SlurmProviderFactory().create("hpc", settings.build(), CONTEXT);
        assertThat(provider.type()).isEqualTo("slurm");
        assertThat(provider.capabilities()).containsExactly(Capability.TIME_LIMIT);
        assertThat(provider.timeLimits()).isPresent();
        assertThat(provider.catalogue().flavours()).singleElement()
                .satisfies(flavour -> assertThat(flavour.name()).isEqualTo("small (1 CPU, 512 MiB)"));
        var health = provider.checkHealth();
        assertThat(health.up()).as("nothing listens there").isFalse();
        assertThat(health.message()).contains("cannot reach slurmrestd");
        assertThatThrownBy(() -> provider.compute().stop("1")).isInstanceOf(CloudPermanentException.class)
                .hasMessageContaining("cannot be stopped");
    }

    @Test
    void eachPersonsJobsRunUnderTheirOwnAccountUnlessOneSharedAccountIsSetWhichIsWarnedAbout() {
        TestSettings settings = new TestSettings();
        settings.token = "a.b.c";
        CloudProvider perPerson = new SlurmProviderFactory().create("hpc", settings.build(), CONTEXT);
        assertThat(settings.build().jobUser()).isEqualTo("{owner}");
        assertThat(perPerson.warnings()).isEmpty();

        settings.jobUser = "vantage-jobs";
        CloudProvider shared = new SlurmProviderFactory().create("hpc", settings.build(), CONTEXT);
        assertThat(shared.warnings()).singleElement().asString()
                .contains("one Unix account 'vantage-jobs'", "job-user", "read another's files and instance secret",
                        "\"{owner}\"");
    }

    @Test
    void problemsNameTheirSetting() {
        TestSettings settings = new TestSettings();
        settings.url = "ftp://x";
        settings.apiVersion = "v0.0.36";
        settings.images.put("odd", new SlurmSettings.Image(null, "vm", null, null, null));
        settings.flavours.put("bad", new SlurmSettings.Flavour(null, "a b", null, 0, null, null, null, null, null,
                null));
        assertThatThrownBy(() -> new SlurmProviderFactory().create("hpc", settings.build(), CONTEXT))
                .isInstanceOf(CloudPermanentException.class)
                .hasMessageContaining("setting url must be an http(s) URL, was 'ftp://x'")
                .hasMessageContaining("setting api-version must be an OpenAPI plugin version from v0.0.38 on")
                .hasMessageContaining("setting token or token-file: exactly one of them must be set")
                .hasMessageContaining("setting images.odd.kind must be desktop or notebook")
                .hasMessageContaining("setting flavours.bad.cpus must be at least 1")
                .hasMessageContaining("setting flavours.bad.partition must be a Slurm name");
    }

    @Test
    void toStringNeverShowsTheToken() {
        TestSettings settings = new TestSettings();
        settings.token = "eyJsecret.payload.signature";
        assertThat(settings.build().toString()).doesNotContain("eyJsecret").contains("token=****");
    }
}
