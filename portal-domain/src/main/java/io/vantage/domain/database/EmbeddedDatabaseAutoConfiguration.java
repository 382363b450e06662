package io.vantage.domain.database;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * With no {@code spring.datasource.url}, the portal runs on an embedded PostgreSQL (a real server binary) that
 * requires its generated password for every connection. With the property set, this configuration steps aside and
 * Spring Boot connects to that database instead.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@Conditional(NoDataSourceUrlCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(DataSource.class)
    EmbeddedDataSource dataSource(EmbeddedDatabaseProperties properties) {
        EmbeddedPostgresServer.EmbeddedDatabase database = properties.ephemeral()
                ? EmbeddedPostgresServer.fresh()
                : EmbeddedPostgresServer.database(properties.dataDir(), properties.port(), "vantage");
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(database.username());
        dataSource.setPassword(database.password());
        dataSource.setPoolName("vantage-embedded");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }

    /** Marks the embedded pool, so demo seeding can tell it apart from a facility's database. */
    public static class EmbeddedDataSource extends HikariDataSource {

        private static final Set<EmbeddedDataSource> OPEN = ConcurrentHashMap.newKeySet();

        public EmbeddedDataSource() {
            OPEN.add(this);
        }

        @Override
        public void close() {
            OPEN.remove(this);
            super.close();
        }

        /** Before the server stops with the JVM: connections asked for afterwards are refused at once. */
        static void closeAll() {
            OPEN.forEach(EmbeddedDataSource::close);
        }
    }
}
