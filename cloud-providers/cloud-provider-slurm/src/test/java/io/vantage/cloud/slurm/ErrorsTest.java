package io.vantage.cloud.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.http.HttpTimeoutException;

import org.junit.jupiter.api.Test;

import io.vantage.cloud.api.CloudProviderException;
import io.vantage.cloud.api.CloudTransientException;
import tools.jackson.databind.json.JsonMapper;

/** Which of slurmrestd's answers settle by themselves and which need a person, with recorded error bodies. */
class ErrorsTest {

    @Test
    void unknownJobIsRecognisedAsGone() {
        assertThat(SlurmErrors.has(Fixtures.answer("v0.0.38/error-invalid-job.json"), SlurmErrors.INVALID_JOB_ID))
                .isTrue();
        assertThat(SlurmErrors.has(Fixtures.answer("v0.0.38/error-controller-down.json"),
                SlurmErrors.INVALID_JOB_ID)).isFalse();
    }

    @Test
    void lengtheningATimeLimitWithoutOperatorRightsIsPermanent() {
        CloudProviderException e = SlurmErrors.status("set the time limit", 500,
                Fixtures.answer("v0.0.38/error-access-denied.json"), "vantage-jobs");
        assertThat(e.isTransient()).isFalse();
        assertThat(e).hasMessage("Could not set the time limit: Slurm denies it to the provider's user (only operators"
                + " may lengthen time limits or act on other users' jobs): Access/permission denied; job update from "
                + "[localhost]:48912 failed");
    }

    @Test
    void controllerDownIsTransientAndSaysWhatElseItCanBe() {
        CloudProviderException e = SlurmErrors.status("list Slurm jobs", 500,
                Fixtures.answer("v0.0.38/error-controller-down.json"), "vantage-jobs");
        assertThat(e.isTransient()).isTrue();
        assertThat(e.getMessage()).contains("Failed while looking for jobs")
                .contains("the controller is down or restarting, or it rejected the token of user vantage-jobs");
    }

    @Test
    void httpStatusesAndNetworkFailures() {
        var empty = JsonMapper.builder().build().createObjectNode();
        assertThat(SlurmErrors.status("ping", 401, empty, "u").isTransient()).isFalse();
        assertThat(SlurmErrors.status("ping", 401, empty, "u")).hasMessageContaining("rejected the token of user u");
        assertThat(SlurmErrors.status("ping", 404, empty, "u")).hasMessageContaining("api-version");
        assertThat(SlurmErrors.status("ping", 503, empty, "u").isTransient()).isTrue();
        assertThat(SlurmErrors.status("ping", 500, empty, "u").isTransient()).as("no Slurm error: a proxy's 500")
                .isTrue();
        assertThat(SlurmErrors.unreachable("ping", new ConnectException("refused")))
                .isInstanceOf(CloudTransientException.class).hasMessageContaining("cannot reach slurmrestd");
        assertThat(SlurmErrors.unreachable("ping", new HttpTimeoutException("slow")))
                .hasMessage("Could not ping: slurmrestd did not answer in time");
    }

    @Test
    void slurmPolicyRefusalsArePermanentAndCommunicationErrorsTransient() {
        var json = JsonMapper.builder().build();
        var invalidAccount = json.readTree("{\"errors\":[{\"error_number\":2045,\"error\":\"Invalid account or "
                + "account/partition combination specified\"}]}");
        assertThat(SlurmErrors.status("submit", 500, invalidAccount, "u").isTransient()).isFalse();
        var connection = json.readTree("{\"errors\":[{\"error_number\":1007,\"error\":\"Unable to contact slurm "
                + "controller (connect failure)\"}]}");
        assertThat(SlurmErrors.status("submit", 500, connection, "u").isTransient()).isTrue();
    }
}
