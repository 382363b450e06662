package io.vantage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The context only starts when Flyway applied every migration and Hibernate validated every entity against the
 * resulting schema; these tests check that this happened on a real PostgreSQL and that the constraints hold.
 */
@DomainJpaTest
class SchemaTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void migrationsRanOnRealPostgres() {
        String version = jdbc.queryForObject("select version()", String.class);
        assertThat(version).startsWith("PostgreSQL");
        Integer failed = jdbc.queryForObject("select count(*) from flyway_schema_history where not success", Integer.class);
        Integer applied = jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class);
        assertThat(failed).isZero();
        assertThat(applied).isGreaterThanOrEqualTo(5);
    }

    @Test
    void systemRolesAreSeeded() {
        assertThat(jdbc.queryForList("select name from roles where kind = 'SYSTEM'", String.class))
                .contains("ADMIN", "STAFF", "IT_SUPPORT", "INSTRUMENT_SCIENTIST", "GUEST");
    }

    @Test
    void instanceStateIsConstrained() {
        assertThatThrownBy(() -> jdbc.update("""
                insert into instances (uid, name, plan_id, provider_id, state, screen_width, screen_height, access_secret)
                values ('x', 'x', 1, 1, 'FLYING', 1920, 1080, 's')"""))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void flavourLimitNeedsExactlyOneTarget() {
        assertThatThrownBy(() -> jdbc.update(
                "insert into flavour_limits (flavour_id, object_type, role_id, instrument_id) values (1, 'ROLE', null, null)"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void experimentMustNotEndBeforeItStarts() {
        jdbc.update("insert into instruments (id, name) values ('schema-i', 'Schema instrument')");
        jdbc.update("insert into proposals (id, title) values ('schema-p', 'Schema proposal')");
        assertThatThrownBy(() -> jdbc.update("""
                insert into experiments (id, proposal_id, instrument_id, start_date, end_date)
                values ('schema-e', 'schema-p', 'schema-i', now(), now() - interval '1 day')"""))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
