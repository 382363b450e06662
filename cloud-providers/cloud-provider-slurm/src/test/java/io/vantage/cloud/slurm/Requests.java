package io.vantage.cloud.slurm;

import java.util.List;
import java.util.UUID;

import io.vantage.cloud.api.CreateInstanceRequest;
import io.vantage.cloud.api.InstanceMetadata;

/** Create requests as the portal makes them: a fresh instance uid and secret each time. */
final class Requests {

    private Requests() {
    }

    static CreateInstanceRequest of(String deploymentId, String image, String flavour) {
        return of(deploymentId, image, flavour, "owner-1", List.of());
    }

    static CreateInstanceRequest of(String deploymentId, String image, String flavour, String owner,
                                    List<String> proposals) {
        String uid = UUID.randomUUID().toString().substring(0, 12);
        InstanceMetadata metadata = new InstanceMetadata(deploymentId, uid, owner, List.of("exp-1"), 1024, 768,
                "en-gb", "s3cr3t-" + UUID.randomUUID().toString().substring(0, 12), proposals);
        return new CreateInstanceRequest("vantage-" + uid, image, flavour, List.of(), List.of(), metadata, null);
    }
}
