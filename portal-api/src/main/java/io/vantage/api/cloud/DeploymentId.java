package io.vantage.api.cloud;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** The id that tags this deployment's machines: configured, or generated once per database. */
@Component
public class DeploymentId {

    private final String value;

    DeploymentId(CloudProperties properties, DeploymentIdRepository stored) {
        if (StringUtils.hasText(properties.deploymentId())) {
            this.value = properties.deploymentId();
        } else {
            byte[] random = new byte[5];
            new SecureRandom().nextBytes(random);
            this.value = stored.storeOnce("vantage-" + HexFormat.of().formatHex(random));
        }
    }

    public String value() {
        return value;
    }
}
