package io.vantage.cloud.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vantage.cloud.api.CloudPermanentException;
import io.vantage.cloud.api.CreateInstanceRequest;

/** The job made for an instance: names, tags, size, account, user, time limit, script and environment. */
class JobFactoryTest {

    private final TestSettings settings = new TestSettings();

    private JobSpec job(CreateInstanceRequest request, String image, String flavour) {
        SlurmSettings built = settings.build();
        return new JobFactory(built).job(request, built.images().get(image), built.flavours().get(flavour));
    }

    @Test
    void jobCarriesTheInstanceAndItsSizeAndKeepsTheSecretOutOfItsDescription() {
        settings.partition = "interactive";
        settings.flavours.put("gpu", new SlurmSettings.Flavour("GPU", "gpu", "high", 8, 32768, "gpu:a100:1", null,
                Duration.ofHours(8), "a100", null));
        CreateInstanceRequest request = Requests.of("d-1", "notebook", "gpu");
        String uid = request.metadata().instanceUid();

        JobSpec job = job(request, "notebook", "gpu");

        assertThat(job.name()).isEqualTo("vantage-" + uid);
        assertThat(JobComment.parse(job.comment())).containsEntry("vantage-deployment", "d-1")
                .containsEntry("vantage-instance", uid).containsEntry("vantage-owner", "owner-1");
        assertThat(job).extracting(JobSpec::partition, JobSpec::qos, JobSpec::cpus, JobSpec::memoryMib, JobSpec::gres,
                JobSpec::timeLimitMinutes, JobSpec::constraints)
                .containsExactly("gpu", "high", 8, 32768, "gpu:a100:1", 480, "a100");
        assertThat(job.environment()).containsEntry("VANTAGE_SECRET", request.metadata().secret())
                .containsEntry("VANTAGE_BASE_URL", "/instances/" + uid + "/jupyter/")
                .containsEntry("VANTAGE_SCREEN", "1024x768").containsEntry("SLURM_UMASK", "0077")
                .containsEntry("VANTAGE_TAGS", job.comment());
        assertThat(job.toString()).doesNotContain(request.metadata().secret());
        assertThat(job.script()).startsWith("#!/bin/bash").contains("jupyter-notebook --no-browser")
                .doesNotContain("x11vnc").doesNotContain(request.metadata().secret());

        JobSpec small = job(Requests.of("d-1", "desktop", "small"), "desktop", "small");
        assertThat(small.partition()).as("the provider's default").isEqualTo("interactive");
        assertThat(small.timeLimitMinutes()).as("the partition's").isNull();
        assertThat(small.script()).contains("x11vnc -display").doesNotContain("jupyter-notebook --no-browser");
    }

    @Test
    void imageSetupRunsBeforeTheServer() {
        settings.images.put("site", new SlurmSettings.Image("Site", "desktop", "module load xfce\nexport A=1",
                Map.of("LANG", "de_DE.UTF-8"), null));
        JobSpec job = job(Requests.of("d-1", "site", "small"), "site", "small");
        assertThat(job.script().indexOf("module load xfce")).isGreaterThan(job.script().indexOf("unset VANTAGE_SECRET"))
                .isLessThan(job.script().indexOf("Xvfb -displayfd"));
        assertThat(job.environment()).containsEntry("LANG", "de_DE.UTF-8");
    }

    @Test
    void accountComesFromTheProposalWhenTheSiteWantsIt() {
        settings.account = "vantage";
        CreateInstanceRequest withProposal = Requests.of("d-1", "desktop", "small", "1001", List.of("20231234"));
        CreateInstanceRequest without = Requests.of("d-1", "desktop", "small", "1001", List.of());
        assertThat(job(withProposal, "desktop", "small").account()).isEqualTo("vantage");

        settings.accountFromProposal = true;
        settings.accountPattern = "p{proposal}";
        assertThat(job(withProposal, "desktop", "small").account()).isEqualTo("p20231234");
        assertThat(job(without, "desktop", "small").account()).isEqualTo("vantage");
    }

    @Test
    void jobsRunAsTheirOwnerByDefaultAndOnlyUnderAValidName() {
        CreateInstanceRequest request = Requests.of("d-1", "desktop", "small", "rfranklin", List.of());
        assertThat(new JobFactory(settings.build()).jobUser(request.metadata())).isEqualTo("rfranklin");
        settings.jobUser = "vantage-jobs";
        assertThat(new JobFactory(settings.build()).jobUser(request.metadata())).isEqualTo("vantage-jobs");
        settings.jobUser = null;
        CreateInstanceRequest hostile = Requests.of("d-1", "desktop", "small", "root\nX-Other: 1", List.of());
        assertThatThrownBy(() -> new JobFactory(settings.build()).jobUser(hostile.metadata()))
                .isInstanceOf(CloudPermanentException.class).hasMessageContaining("no valid user name");
    }

    @Test
    void minutesRoundUpAndBaseUrlsAreNormalised() {
        assertThat(JobFactory.minutes(Duration.ofSeconds(61))).isEqualTo(2);
        assertThat(JobFactory.minutes(Duration.ofSeconds(5))).isEqualTo(1);
        assertThat(JobFactory.minutes(Duration.ofDays(14))).isEqualTo(20160);
        assertThat(JobFactory.baseUrl("instances/{uid}/nb", "a b")).isEqualTo("/instances/a%20b/nb/");
    }
}
