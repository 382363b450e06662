package io.vantage.api.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Browser sessions are stored in PostgreSQL by Spring Session JDBC (tables from Flyway, V10), with their
 * attributes in Java serialization. An attribute that no longer reads (a class changed in an upgrade) is treated
 * as absent instead of failing every request of that session: the person signs in again.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> lenientSessionAttributes() {
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        DeserializingConverter deserializer = new DeserializingConverter(SessionConfiguration.class.getClassLoader());
        conversions.addConverter(byte[].class, Object.class, bytes -> {
            try {
                return deserializer.convert(bytes);
            } catch (RuntimeException e) {
                log.warn("Ignoring a session attribute that cannot be read any more: {}", e.getMessage());
                return null;
            }
        });
        return repository -> repository.setConversionService(conversions);
    }
}
