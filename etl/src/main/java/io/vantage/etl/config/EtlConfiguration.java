package io.vantage.etl.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@code vantage.etl.*}; safe in the portal, where it only makes the properties available. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EtlProperties.class)
public class EtlConfiguration {
}
