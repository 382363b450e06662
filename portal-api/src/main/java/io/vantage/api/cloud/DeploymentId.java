package io.vantage.api.cloud;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** The id that tags this deployment's machines: configured, or generated once per database. */
@Component
public class DeploymentId {

    private final String value;

    DeploymentId(CloudProperties properties, JdbcTemplate jdbc) {
        if (StringUtils.hasText(properties.deploymentId())) {
            this.value = properties.deploymentId();
        } else {
            byte[] random = new byte[5];
            new SecureRandom().nextBytes(random);
            jdbc.update("insert into portal_settings (key, value) values ('deployment-id', ?) on conflict (key) do nothing",
                    "vantage-" + HexFormat.of().formatHex(random));
            this.value = jdbc.queryForObject("select value from portal_settings where key = 'deployment-id'", String.class);
        }
    }

    public String value() {
        return value;
    }
}
