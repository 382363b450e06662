package io.vantage.domain.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * With no {@code spring.datasource.url}, the portal runs on an embedded PostgreSQL (a real server binary). With the
 * property set, this configuration steps aside and Spring Boot connects to that database instead.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@Conditional(NoDataSourceUrlCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class EmbeddedDatabaseAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(DataSource.class)
    EmbeddedDataSource dataSource(EmbeddedDatabaseProperties properties) {
        String url = properties.ephemeral()
                ? EmbeddedPostgresServer.freshDatabase()
                : EmbeddedPostgresServer.jdbcUrl(properties.dataDir(), properties.port(), "vantage");
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername("postgres");
        dataSource.setPoolName("vantage-embedded");
        dataSource.setMaximumPoolSize(20);
        return dataSource;
    }

    /** Marks the embedded pool, so demo seeding can tell it apart from a facility's database. */
    public static class EmbeddedDataSource extends HikariDataSource {
    }
}
