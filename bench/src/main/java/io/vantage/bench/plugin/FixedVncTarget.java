package io.vantage.bench.plugin;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.support.TransactionTemplate;

import io.vantage.api.cloud.CloudCalls;
import io.vantage.api.cloud.ProviderRegistry;
import io.vantage.api.tunnel.TunnelProperties;
import io.vantage.api.tunnel.TunnelTargets;
import io.vantage.cloud.api.Endpoint;
import io.vantage.domain.catalogue.ProtocolKind;
import io.vantage.domain.instance.InstanceRepository;

/**
 * Loaded into the real portal by the VNC relay benchmark (its own jar on the portal's class path): every desktop
 * tunnel goes to the benchmark's VNC server, the same one websockify and the direct clients use. Inert unless
 * {@code vantage.bench.vnc-port} is set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("vantage.bench.vnc-port")
class FixedVncTarget {

    @Bean
    @Primary
    TunnelTargets benchVncTarget(InstanceRepository instances, ProviderRegistry providers,
                                 TunnelProperties properties, TransactionTemplate tx, CloudCalls calls,
                                 @Value("${vantage.bench.vnc-port}") int port,
                                 @Value("${vantage.bench.vnc-password}") String password) {
        return new TunnelTargets(instances, providers, properties, tx, calls) {
            @Override
            public Optional<Target> resolve(Long instanceId, ProtocolKind kind) {
                return Optional.of(new Target(new Endpoint("127.0.0.1", port), password, 1920, 1080, "en-us-qwerty",
                        "bench"));
            }
        };
    }
}
