package io.vantage.bench.relay;

import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.api.cloud.ProviderRegistry;
import io.vantage.api.tunnel.TunnelProperties;
import io.vantage.api.tunnel.TunnelTargets;
import io.vantage.cloud.api.Endpoint;
import io.vantage.domain.catalogue.ProtocolKind;
import io.vantage.domain.instance.InstanceRepository;

/** Points every desktop tunnel at the benchmark's VNC server instead of a cloud. */
@Configuration(proxyBeanMethods = false)
class RelayBenchConfiguration {

    static volatile int vncPort;
    static final String SECRET = "benchpw1";

    @Bean
    @Primary
    TunnelTargets benchTargets(InstanceRepository instances, ProviderRegistry providers, TunnelProperties properties,
                               TransactionTemplate tx) {
        return new TunnelTargets(instances, providers, properties, tx) {
            @Override
            public Optional<Target> resolve(Long instanceId, ProtocolKind kind) {
                return Optional.of(new Target(new Endpoint("127.0.0.1", vncPort), SECRET, 1920, 1080, "en-us-qwerty",
                        "bench"));
            }
        };
    }
}
