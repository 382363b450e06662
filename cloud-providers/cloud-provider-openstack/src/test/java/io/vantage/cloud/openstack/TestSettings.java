package io.vantage.cloud.openstack;

import java.time.Duration;
import java.util.List;

/** Builds {@link OpenStackSettings} for tests: password login to a project by id, short timeouts. */
final class TestSettings {

    private String authUrl;
    private String region;
    private String projectId = FakeOpenStack.PROJECT_ID;
    private String projectName;
    private String username = "vantage";
    private String password = "swordfish";
    private String credentialId;
    private String credentialSecret;
    private List<String> networkIds = List.of("net-default");
    private String floatingIpPool;
    private Duration readTimeout = Duration.ofSeconds(3);
    private Duration catalogueTtl = Duration.ofSeconds(60);
    private Integer poolAgentPort;

    TestSettings authUrl(String value) {
        authUrl = value;
        return this;
    }

    TestSettings region(String value) {
        region = value;
        return this;
    }

    TestSettings project(String id, String name) {
        projectId = id;
        projectName = name;
        return this;
    }

    TestSettings password(String user, String secret) {
        username = user;
        password = secret;
        return this;
    }

    TestSettings applicationCredential(String id, String secret) {
        credentialId = id;
        credentialSecret = secret;
        return this;
    }

    TestSettings networks(List<String> value) {
        networkIds = value;
        return this;
    }

    TestSettings floatingIpPool(String value) {
        floatingIpPool = value;
        return this;
    }

    TestSettings readTimeout(Duration value) {
        readTimeout = value;
        return this;
    }

    TestSettings poolAgentPort(Integer value) {
        poolAgentPort = value;
        return this;
    }

    TestSettings catalogueTtl(Duration value) {
        catalogueTtl = value;
        return this;
    }

    OpenStackSettings build() {
        return new OpenStackSettings(authUrl, region, projectId, projectName, null, null, username, password,
                credentialId, credentialSecret, networkIds, floatingIpPool, Duration.ofSeconds(2), readTimeout,
                catalogueTtl, poolAgentPort);
    }
}
